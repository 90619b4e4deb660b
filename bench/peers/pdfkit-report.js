// Peer of `parcours report`: the interview reports drawn with pdfkit, as
// a Node shop would write them: the same text (our document trees, from
// `parcours report --format tree`), the same Open Sans faces embedded,
// A4, wrapped and justified paragraphs, ruled tables that continue on
// the next page with their header row, check boxes, signature blocks and
// a "page N / M" footer.  One warm process renders every document.
//
// usage: node pdfkit-report.js DUMP FONTS_DIR OUTDIR [MAX_DOCS]
// Prints one JSON line: {"docs","wall_s","cpu_s","bytes"}, measured after
// a first, untimed document (the warm-up).
'use strict';

const fs = require('fs');
const path = require('path');
const PDFDocument = require('pdfkit');
const { readDump } = require('./tree');

const [dumpFile, fontsDir, outDir, maxArg] = process.argv.slice(2);
if (!outDir) {
	console.error(
		'usage: pdfkit-report.js DUMP FONTS_DIR OUTDIR [MAX_DOCS]',
	);
	process.exit(2);
}

// Read once, as a warm service would; each document embeds its subset.
const FONTS = {
	R: fs.readFileSync(path.join(fontsDir, 'OpenSans-Regular.ttf')),
	B: fs.readFileSync(path.join(fontsDir, 'OpenSans-Bold.ttf')),
	I: fs.readFileSync(path.join(fontsDir, 'OpenSans-Italic.ttf')),
	BI: fs.readFileSync(path.join(fontsDir, 'OpenSans-BoldItalic.ttf')),
};
const MM = 72 / 25.4;
const PAGE = {
	w: 595.28,
	h: 841.89,
	left: 20 * MM,
	right: 20 * MM,
	top: 18 * MM,
	bottom: 22 * MM,
};
const WIDTH = PAGE.w - PAGE.left - PAGE.right;
const BODY = 9.5,
	SMALL = 8;
const HEADING = { 1: 16, 2: 11.5, 3: 10 };

function face(words) {
	const b = words.includes('bold'),
		i = words.includes('italic');
	return b && i ? 'BI' : b ? 'B' : i ? 'I' : 'R';
}

function sizeOf(words) {
	return words.includes('small') ? SMALL : BODY;
}

function align(words) {
	for (const a of ['center', 'right', 'justify'])
		if (words.includes(a)) return a;
	return 'left';
}

// A paragraph's lines (split at linebreak), each a list of runs.
function lines(par) {
	const out = [[]];
	for (const c of par.children) {
		if (c.type === 'linebreak') out.push([]);
		else if (c.type === 'text' || c.type === 'checkbox')
			out[out.length - 1].push(c);
	}
	return out;
}

function plain(node) {
	if (node.type === 'text') return node.text;
	return node.children
		.map(plain)
		.join(node.type === 'linebreak' ? '\n' : '');
}

function ensureRoom(doc, h) {
	if (doc.y + h > PAGE.h - PAGE.bottom) doc.addPage();
}

function checkbox(doc, x, y, checked) {
	const s = 7.5;
	doc.save().lineWidth(0.6).rect(x, y, s, s).stroke();
	if (checked)
		doc.moveTo(x + 1.5, y + 1.5)
			.lineTo(x + s - 1.5, y + s - 1.5)
			.moveTo(x + 1.5, y + s - 1.5)
			.lineTo(x + s - 1.5, y + 1.5)
			.stroke();
	doc.restore();
}

// Runs of one line, continued; a leading check box is drawn, not typed.
function drawLine(doc, runs, opts, x, width) {
	let indent = 0;
	if (runs.length && runs[0].type === 'checkbox') {
		checkbox(
			doc,
			x,
			doc.y + 2.5,
			runs[0].words.includes('checked'),
		);
		indent = 11;
		runs = runs.slice(1);
	}
	runs = runs.filter((r) => r.type === 'text' && r.text !== '');
	if (runs.length === 0) {
		doc.font('R').fontSize(BODY).text(' ', x, doc.y, { width });
		return;
	}
	runs.forEach((r, k) => {
		doc.font(face(r.words)).fontSize(sizeOf(r.words));
		const o = { ...opts, continued: k < runs.length - 1 };
		if (k === 0)
			doc.text(r.text, x + indent, doc.y, {
				...o,
				width: width - indent,
			});
		else doc.text(r.text, o);
	});
}

function drawParagraph(doc, par, x = PAGE.left, width = WIDTH) {
	const opts = { align: align(par.words), lineGap: 1.5 };
	for (const l of lines(par)) drawLine(doc, l, opts, x, width);
	doc.moveDown(0.35);
}

function cellHeight(doc, cell, w) {
	let h = 0;
	for (const p of cell.children) {
		const t = plain(p);
		doc.font(/"bold"/.test(JSON.stringify(p)) ? 'B' : 'R').fontSize(
			BODY,
		);
		h += doc.heightOfString(t || ' ', { width: w, lineGap: 1 });
	}
	return h + 7;
}

function drawRow(doc, row, widths, y, h) {
	let x = PAGE.left;
	row.children.forEach((cell, k) => {
		doc.save()
			.lineWidth(0.5)
			.strokeColor('#8c949e')
			.rect(x, y, widths[k], h)
			.stroke()
			.restore();
		let cy = y + 3.5;
		for (const p of cell.children) {
			const runs = lines(p)
				.flat()
				.filter((r) => r.type === 'text');
			const bold = runs.some((r) => r.words.includes('bold'));
			doc.font(bold ? 'B' : 'R').fontSize(BODY);
			const t = runs.map((r) => r.text).join('');
			doc.text(t || ' ', x + 4, cy, {
				width: widths[k] - 8,
				lineGap: 1,
				align: cell.words.includes('right')
					? 'right'
					: 'left',
			});
			cy = doc.y;
		}
		x += widths[k];
	});
	doc.x = PAGE.left;
	doc.y = y + h;
}

function drawTable(doc, table) {
	const widths = (table.attrs.widths || '')
		.split(',')
		.map((f) => f * WIDTH);
	const header = table.attrs.header === '1' ? table.children[0] : null;
	const heights = table.children.map((row) =>
		Math.max(
			...row.children.map((c, k) =>
				cellHeight(doc, c, widths[k] - 8),
			),
		),
	);
	table.children.forEach((row, k) => {
		if (doc.y + heights[k] > PAGE.h - PAGE.bottom) {
			doc.addPage();
			if (header && row !== header)
				drawRow(doc, header, widths, doc.y, heights[0]);
		}
		drawRow(doc, row, widths, doc.y, heights[k]);
	});
	doc.moveDown(0.6);
}

function drawSignature(doc, sig) {
	ensureRoom(doc, 90);
	const y = doc.y,
		w = WIDTH / sig.children.length;
	let bottom = y;
	sig.children.forEach((signer, k) => {
		doc.y = y;
		for (const p of signer.children)
			drawParagraph(doc, p, PAGE.left + k * w, w - 10);
		bottom = Math.max(bottom, doc.y + 40);
	});
	doc.x = PAGE.left;
	doc.y = bottom;
}

function draw(doc, node) {
	switch (node.type) {
		case 'heading': {
			const level = Number(node.words[0]) || 2;
			ensureRoom(doc, 50);
			doc.moveDown(level === 1 ? 0.2 : 0.5);
			doc.font('B')
				.fontSize(HEADING[level] || BODY)
				.text(plain(node), PAGE.left, doc.y, {
					width: WIDTH,
					align: level === 1 ? 'center' : 'left',
				});
			doc.moveDown(0.3);
			break;
		}
		case 'paragraph':
			drawParagraph(doc, node);
			break;
		case 'table':
			drawTable(doc, node);
			break;
		case 'signature':
			drawSignature(doc, node);
			break;
		case 'space':
			doc.moveDown(Number(node.words[0]) * 0.5 || 0.5);
			break;
		default:
			/* letterbox, section, frame, list: their content */
			for (const c of node.children) draw(doc, c);
	}
}

function render(tree, file) {
	const meta = tree.root.attrs;
	const date = new Date((meta.date || '2026-11-26') + 'T00:00:00Z');
	const doc = new PDFDocument({
		size: 'A4',
		bufferPages: true,
		autoFirstPage: true,
		margins: {
			top: PAGE.top,
			bottom: PAGE.bottom,
			left: PAGE.left,
			right: PAGE.right,
		},
		info: {
			Title: meta.title,
			Author: meta.author,
			Subject: meta.subject,
			Keywords: meta.keywords,
			Creator: 'pdfkit peer',
			CreationDate: date,
			ModDate: date,
		},
	});
	for (const [name, data] of Object.entries(FONTS))
		doc.registerFont(name, data);
	const chunks = [];
	doc.on('data', (c) => chunks.push(c));
	const done = new Promise((resolve) => doc.on('end', resolve));
	for (const c of tree.root.children) draw(doc, c);
	const range = doc.bufferedPageRange();
	for (let i = 0; i < range.count; i++) {
		doc.switchToPage(range.start + i);
		doc.page.margins.bottom = 0;
		doc.font('R')
			.fontSize(7.5)
			.fillColor('#666a73')
			.text(
				`${meta.title} — ${meta.footer} — ` +
					`page ${i + 1} / ${range.count}`,
				PAGE.left,
				PAGE.h - 14 * MM,
				{
					width: WIDTH,
					align: 'center',
					lineBreak: false,
				},
			);
		doc.fillColor('black');
	}
	doc.end();
	return done.then(() => {
		const data = Buffer.concat(chunks);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, data);
		return data.length;
	});
}

async function main() {
	let docs = readDump(dumpFile);
	if (maxArg) docs = docs.slice(0, Number(maxArg) + 1);
	if (docs.length < 2) throw new Error('need at least two documents');
	const out = (d) => path.join(outDir, d.path);
	await render(docs[0], out(docs[0])); /* warm-up, untimed */
	const t0 = process.hrtime.bigint(),
		c0 = process.cpuUsage();
	let bytes = 0;
	for (const d of docs.slice(1)) bytes += await render(d, out(d));
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

main().catch((e) => {
	console.error('pdfkit-report: ' + e.message);
	process.exit(1);
});
