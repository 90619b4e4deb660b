// Reader of `parcours COMMAND --format tree` dumps, for the peer scripts
// of bench/peers/: the same document trees our backends draw, so that the
// peers render the same text.  For bench/peers/*.js only.
'use strict';

const fs = require('fs');

// One quoted string of the dump ("…" with \" \\ \n \t \xHH escapes),
// starting at s[i] === '"': [value, index after the closing quote].
function unquote(s, i) {
	let out = '';
	for (i++; i < s.length && s[i] !== '"'; i++) {
		if (s[i] !== '\\') {
			out += s[i];
			continue;
		}
		const c = s[++i];
		if (c === 'n') out += '\n';
		else if (c === 't') out += '\t';
		else if (c === 'x') {
			out += String.fromCharCode(
				parseInt(s.substr(i + 1, 2), 16),
			);
			i += 2;
		} else out += c;
	}
	return [out, i + 1];
}

// A node line: its type, bare words, key=value attributes, and text.
function parseLine(body) {
	const node = {
		type: '',
		words: [],
		attrs: {},
		text: null,
		children: [],
	};
	let i = 0;
	const tokens = [];
	while (i < body.length) {
		if (body[i] === ' ') {
			i++;
			continue;
		}
		if (body[i] === '"') {
			const [v, j] = unquote(body, i);
			node.text = v;
			i = j;
			continue;
		}
		let j = i;
		while (j < body.length && body[j] !== ' ' && body[j] !== '=')
			j++;
		const word = body.slice(i, j);
		if (body[j] === '=') {
			if (body[j + 1] === '"') {
				const [v, k] = unquote(body, j + 1);
				node.attrs[word] = v;
				i = k;
			} else {
				let k = j + 1;
				while (k < body.length && body[k] !== ' ') k++;
				node.attrs[word] = body.slice(j + 1, k);
				i = k;
			}
		} else {
			tokens.push(word);
			i = j;
		}
	}
	node.type = tokens.shift() || '';
	node.words = tokens;
	return node;
}

// Every document of a dump: [{ path, root }], root.children the body.
function readDump(file) {
	const docs = [];
	let stack = null;
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		if (line.startsWith('== ')) {
			stack = [];
			docs.push({ path: line.slice(3), root: null });
			continue;
		}
		if (stack === null || line.trim() === '') continue;
		const depth = (line.length - line.trimStart().length) / 2;
		const node = parseLine(line.trimStart());
		if (depth === 0) {
			docs[docs.length - 1].root = node;
			stack = [node];
			continue;
		}
		stack.length = depth;
		stack[depth - 1].children.push(node);
		stack.push(node);
	}
	return docs.filter((d) => d.root !== null);
}

// The text nodes of a tree in document order.
function texts(node, out = []) {
	if (node.type === 'text') out.push(node.text);
	for (const c of node.children) texts(c, out);
	return out;
}

// The shape of a tree without its text: letters of one shape share a
// template.
function shape(node) {
	return (
		node.type +
		' ' +
		node.words.join(' ') +
		'(' +
		node.children.map(shape).join(',') +
		')'
	);
}

module.exports = { readDump, texts, shape };
