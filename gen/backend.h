/*
 * The backend contract, and the one place a document is rendered and
 * its failure sorted out.  For the commands that write documents
 * (documents_write.c, cmd_letters.c, batch_worker.c).
 *
 * Every backend has the same three calls, as pdf.h, odt.h and
 * tree_dump.h show: x_new() makes a renderer (NULL after a system
 * diagnostic), x_render(x, doc, out) appends one document to out and
 * returns an enum backend_code, x_free() (NULL is a no-op).  A render
 * that fails has printed its own diagnostic before it returns, so that
 * the caller only decides, from the code, whether the run goes on.
 * Adding a backend: its three calls, a value of enum backend_format and
 * a case in backend.c.
 */
#ifndef PARCOURS_BACKEND_H
#define PARCOURS_BACKEND_H

#include <stdbool.h>

#include "buf.h"
#include "doc.h"

/* What a render (or a write) came to, in the style of curl's CURLcode. */
enum backend_code {
	BACKEND_OK = 0,
	BACKEND_DOSSIER, /* the dossier's problem (a character no font has),
			    reported: its other documents and the other
			    dossiers go on */
	BACKEND_SYSTEM,	 /* the machine's (memory, a library, a file),
			    reported: the run stops */
};

enum backend_format {
	BACKEND_PDF,
	BACKEND_ODT,
	BACKEND_TREE, /* the tree dump on standard output, for tests */
};

struct backend;
struct outfile_group;
struct seal;

/*
 * A renderer of format: PDF with the fonts of fonts_dir (PDF/A-1b when
 * pdfa), sealed with seal when not NULL (borrowed; the other formats
 * are never sealed); ODT in the PDFs' font.  NULL after a system
 * diagnostic.
 */
struct backend *backend_new(enum backend_format, const char *fonts_dir,
			    bool pdfa, struct seal *seal);

/*
 * Renders doc into out (emptied first; the bytes stay there for the
 * caller, e.g. to hash them), seals a PDF, and writes it as path: into
 * group, or for the tree dump on standard output after a "== path"
 * line.  The code of the first step that failed, after its diagnostic.
 */
enum backend_code backend_write(struct backend *, const struct doc *,
				const char *path, struct buf *out,
				struct outfile_group *group);

/* NULL is a no-op. */
void backend_free(struct backend *);

#endif
