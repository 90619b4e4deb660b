// Peer of `parcours report`: the interview reports typeset by Typst
// (npm @myriaddreamin/typst-ts-node-compiler, the Typst compiler in a
// Node process), as a shop that templates its documents in Typst would
// write them: the same text (our document trees, from `parcours report
// --format tree`) turned into Typst markup, the same Open Sans faces
// embedded, A4, justified paragraphs, tables whose header row repeats on
// the next page, check boxes, signature blocks and a "page N / M" footer.
// One warm compiler renders every document.
//
// usage: node typst-report.js DUMP FONTS_DIR OUTDIR [MAX_DOCS]
// Prints one JSON line: {"docs","wall_s","cpu_s","bytes"}, measured after
// a first, untimed document (the warm-up).
'use strict';

const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const { readDump } = require('./tree');

const [dumpFile, fontsDir, outDir, maxArg] = process.argv.slice(2);
if (!outDir) {
	console.error('usage: typst-report.js DUMP FONTS_DIR OUTDIR [MAX_DOCS]');
	process.exit(2);
}

// A Typst string literal: only these escapes exist in Typst.
function str(s) {
	let out = '"';
	for (const ch of s || '') {
		if (ch === '\\') out += '\\\\';
		else if (ch === '"') out += '\\"';
		else if (ch === '\n') out += '\\n';
		else if (ch === '\t') out += '\\t';
		else if (ch >= ' ') out += ch;
	}
	return out + '"';
}

function checkbox(checked) {
	return (
		'#box(stroke: 0.6pt, width: 7pt, height: 7pt, inset: 0.5pt)[' +
		(checked ? '#align(center + horizon, text(6pt, "X"))' : '') +
		'] '
	);
}

function runs(node) {
	let out = '';
	for (const c of node.children) {
		if (c.type === 'linebreak') out += '#linebreak()';
		else if (c.type === 'checkbox')
			out += checkbox(c.words.includes('checked'));
		else if (c.type === 'text') {
			const opts = [];
			if (c.words.includes('bold')) opts.push('weight: "bold"');
			if (c.words.includes('italic')) opts.push('style: "italic"');
			out += '#text(' + opts.concat([str(c.text)]).join(', ') + ')';
		} else out += runs(c);
	}
	return out;
}

function paragraph(node) {
	const w = node.words;
	const size = w.includes('small') ? '8pt' : '9.5pt';
	const body =
		'#par(justify: ' +
		(w.includes('justify') ? 'true' : 'false') +
		')[#text(' +
		size +
		')[' +
		runs(node) +
		']]';
	if (w.includes('center')) return '#align(center)[' + body + ']\n';
	if (w.includes('right')) return '#align(right)[' + body + ']\n';
	return body + '\n';
}

function cell(c) {
	return '[' + c.children.map(block).join('') + ']';
}

function table(node) {
	const rows = node.children.filter((r) => r.type === 'row');
	const n = Math.max(1, ...rows.map((r) => r.children.length));
	const widths = (node.attrs.widths || '')
		.split(',')
		.filter((x) => x !== '')
		.map((x) => Number(x) * 100 + 'fr');
	const cols =
		widths.length === n ? '(' + widths.join(', ') + ',)' : String(n);
	const cells = (r) => {
		const cs = r.children.map(cell);
		while (cs.length < n) cs.push('[]');
		return cs.join(', ');
	};
	let out = '#table(columns: ' + cols + ', stroke: 0.5pt + rgb("#8a8f99"), ';
	if (rows.length) out += 'table.header(' + cells(rows[0]) + '), ';
	for (const r of rows.slice(1)) out += cells(r) + ', ';
	return out + ')\n';
}

function signature(node) {
	const n = Math.max(1, node.children.length);
	return (
		'#block(breakable: false, grid(columns: ' +
		n +
		', gutter: 10pt, ' +
		node.children
			.map((s) => '[' + s.children.map(block).join('') + '#v(40pt)]')
			.join(', ') +
		'))\n'
	);
}

function block(node) {
	switch (node.type) {
		case 'heading': {
			const level = Number(node.words[0]) || 2;
			return '#heading(level: ' + level + ')[' + runs(node) + ']\n';
		}
		case 'paragraph':
			return paragraph(node);
		case 'table':
			return table(node);
		case 'signature':
			return signature(node);
		case 'space':
			return '#v(' + (Number(node.words[0]) || 1) * 4.75 + 'pt)\n';
		default:
			/* letterbox, section, frame, list: their content */
			return node.children.map(block).join('');
	}
}

function source(tree) {
	const meta = tree.root.attrs;
	const footer = (meta.title || '') + ' — ' + (meta.footer || '');
	return (
		'#set document(title: ' +
		str(meta.title) +
		', author: ' +
		str(meta.author) +
		', date: datetime(year: 2026, month: 11, day: 26))\n' +
		'#set page(paper: "a4", margin: (left: 20mm, right: 20mm, ' +
		'top: 18mm, bottom: 22mm), footer: context align(center, ' +
		'text(7.5pt, fill: rgb("#666a73"))[#' +
		str(footer + ' — page ') +
		'#counter(page).display() / #counter(page).final().first()]))\n' +
		'#set text(font: "Open Sans", size: 9.5pt, lang: "fr")\n' +
		'#show heading.where(level: 1): it => align(center, ' +
		'text(16pt, weight: "bold", it.body))\n' +
		'#show heading.where(level: 2): set text(11.5pt)\n' +
		'#show heading.where(level: 3): set text(10pt)\n' +
		tree.root.children.map(block).join('')
	);
}

function render(compiler, tree, file) {
	const pdf = compiler.pdf({ mainFileContent: source(tree) });
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, pdf);
	return pdf.length;
}

function main() {
	let docs = readDump(dumpFile);
	if (maxArg) docs = docs.slice(0, Number(maxArg) + 1);
	if (docs.length < 2) throw new Error('need at least two documents');
	const compiler = NodeCompiler.create({
		fontArgs: [{ fontPaths: [fontsDir] }],
	});
	const out = (d) => path.join(outDir, d.path);
	render(compiler, docs[0], out(docs[0])); /* warm-up, untimed */
	const t0 = process.hrtime.bigint(),
		c0 = process.cpuUsage();
	let bytes = 0;
	for (const d of docs.slice(1)) bytes += render(compiler, d, out(d));
	const c = process.cpuUsage(c0);
	const wall = Number(process.hrtime.bigint() - t0) / 1e9;
	console.log(
		JSON.stringify({
			docs: docs.length - 1,
			wall_s: wall,
			cpu_s: (c.user + c.system) / 1e6,
			bytes,
		}),
	);
}

try {
	main();
} catch (e) {
	console.error('typst-report: ' + (e.message || e));
	process.exit(1);
}
