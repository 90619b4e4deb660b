// Peer of `parcours letters`: the convocation letter rendered as ODT by
// Carbone (Community Edition), the template engine closest to ours.
//
// The template is made from one of our own convocation letters: the
// texts that differ from one letter to the next become {d.tN} markers
// (the employee, the address, the dates, the place…), the rest stays
// literal, and the footer's name becomes {d.footer}.  Each letter's data
// is the JSON of its own texts, so Carbone writes the same letters we
// do.  Before timing, one letter rendered by Carbone is checked against
// ours, text for text.  One warm process renders every letter in turn.
//
// usage: node carbone-letters.js DUMP LETTERS_DIR WORK_DIR [MAX_DOCS]
// DUMP is `parcours letters --format tree`, LETTERS_DIR the ODT files
// `parcours letters` wrote from the same dossiers.  Prints one JSON line:
// {"docs","wall_s","cpu_s","bytes","markers"}, after an untimed warm-up.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const yazl = require('yazl');
const carbone = require('carbone');
const { readDump, texts, shape } = require('./tree');

const [dumpFile, lettersDir, workDir, maxArg] = process.argv.slice(2);
if (!workDir) {
	console.error(
		'usage: carbone-letters.js DUMP LETTERS_DIR WORK_DIR ' +
			'[MAX_DOCS]',
	);
	process.exit(2);
}

function fail(msg) {
	throw new Error(msg);
}

function entries(odt) {
	return execFileSync('unzip', ['-Z1', odt], { encoding: 'utf8' })
		.split('\n')
		.filter((n) => n !== '');
}

function part(odt, name) {
	return execFileSync('unzip', ['-p', odt, name], { maxBuffer: 1 << 26 });
}

function escapeXml(s) {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

// The text a reader sees in an ODT part, for the check: white space
// outside the elements (Carbone's serialiser changes it) does not count.
function textOf(xml) {
	return xml
		.replace(/^<\?xml[^>]*\?>\s*/, '')
		.replace(/<text:s text:c="(\d+)"\/>/g, (_, n) => ' '.repeat(+n))
		.replace(/<text:s\/>/g, ' ')
		.replace(/<text:line-break\/>/g, '\n')
		.replace(/<text:tab\/>/g, '\t')
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&')
		.trim();
}

// Replaces, in order, the texts at the variable positions by markers.
function markContent(xml, values, variable) {
	let out = '',
		at = 0;
	values.forEach((v, k) => {
		const esc = escapeXml(v);
		const i = xml.indexOf(esc, at);
		if (i < 0) fail(`text ${k} not found in content.xml`);
		out += xml.slice(at, i) + (variable[k] ? `{d.t${k}}` : esc);
		at = i + esc.length;
	});
	return out + xml.slice(at);
}

function zipTo(file, parts) {
	return new Promise((resolve, reject) => {
		const zip = new yazl.ZipFile();
		for (const [name, data] of parts)
			zip.addBuffer(data, name, {
				compress: name !== 'mimetype',
				mtime: new Date('2026-01-01T00:00:00Z'),
			});
		zip.outputStream
			.pipe(fs.createWriteStream(file))
			.on('close', resolve)
			.on('error', reject);
		zip.end();
	});
}

function render(template, data) {
	return new Promise((resolve, reject) =>
		carbone.render(template, data, {}, (err, result) =>
			err ? reject(err) : resolve(result),
		),
	);
}

async function main() {
	fs.mkdirSync(workDir, { recursive: true });
	const all = readDump(dumpFile).filter((d) =>
		/_letter-convocation_/.test(d.path),
	);
	/* The commonest shape: letters that one template serves. */
	const byShape = new Map();
	for (const d of all) {
		const s = shape(d.root);
		byShape.set(s, (byShape.get(s) || []).concat([d]));
	}
	let docs = [...byShape.values()].sort((a, b) => b.length - a.length)[0];
	if (!docs || docs.length < 3) fail('fewer than three convocations');
	if (maxArg) docs = docs.slice(0, Number(maxArg) + 1);

	const values = docs.map((d) => texts(d.root));
	const variable = values[0].map((v, k) =>
		values.some((vals) => vals[k] !== v),
	);
	const base = path.join(lettersDir, docs[0].path);
	const parts = entries(base).map((n) => [n, part(base, n)]);
	const footer = docs[0].root.attrs.footer;
	for (const p of parts) {
		if (p[0] === 'content.xml')
			p[1] = Buffer.from(
				markContent(
					p[1].toString(),
					values[0],
					variable,
				),
			);
		else if (p[0] === 'styles.xml')
			p[1] = Buffer.from(
				p[1]
					.toString()
					.split(escapeXml(footer))
					.join('{d.footer}'),
			);
	}
	const template = path.resolve(workDir, 'convocation-template.odt');
	await zipTo(template, parts);
	const data = docs.map((d, i) => {
		const o = { footer: d.root.attrs.footer };
		values[i].forEach((v, k) => {
			if (variable[k]) o[`t${k}`] = v;
		});
		return o;
	});
	fs.writeFileSync(
		path.join(workDir, 'convocations.json'),
		JSON.stringify(data),
	);

	/* The check, and the warm-up: letter 1 as Carbone writes it must
	 * read as ours does. */
	const probe = path.join(workDir, 'probe.odt');
	fs.writeFileSync(probe, await render(template, data[1]));
	const ours = path.join(lettersDir, docs[1].path);
	for (const name of ['content.xml', 'styles.xml']) {
		const a = textOf(part(probe, name).toString());
		const b = textOf(part(ours, name).toString());
		let i = 0;
		while (i < a.length && a[i] === b[i]) i++;
		if (a !== b)
			fail(
				`${name} of Carbone's ${docs[1].path} ` +
					'differs ' +
					`from ours at character ${i}: ` +
					JSON.stringify(a.slice(i, i + 40)) +
					' instead of ' +
					JSON.stringify(b.slice(i, i + 40)),
			);
	}

	const outDir = path.join(workDir, 'out');
	fs.mkdirSync(outDir, { recursive: true });
	const t0 = process.hrtime.bigint(),
		c0 = process.cpuUsage();
	let bytes = 0;
	for (let i = 1; i < data.length; i++) {
		const odt = await render(template, data[i]);
		fs.writeFileSync(path.join(outDir, `letter-${i}.odt`), odt);
		bytes += odt.length;
	}
	const c = process.cpuUsage(c0);
	const wall = Number(process.hrtime.bigint() - t0) / 1e9;
	console.log(
		JSON.stringify({
			docs: data.length - 1,
			wall_s: wall,
			cpu_s: (c.user + c.system) / 1e6,
			bytes,
			markers: variable.filter(Boolean).length + 1,
		}),
	);
}

main().catch((e) => {
	console.error('carbone-letters: ' + e.message);
	process.exit(1);
});
