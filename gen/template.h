/*
 * Document templates (templates/README.md): XML files read with libxml2
 * and checked against the field registry (fields.h) when loaded, then
 * expanded into a document tree (doc.h) for each document.  Loaded once
 * per run, expanded thousands of times.  For documents.c and the tests;
 * with the dossier reader, the only libxml2 user.
 */
#ifndef PARCOURS_TEMPLATE_H
#define PARCOURS_TEMPLATE_H

#include <stdbool.h>

#include "doc.h"
#include "fields.h"

struct template;

/*
 * Loads dir/file for documents of context ctx.  Every problem (missing
 * or unreadable file, XML error, unknown element, attribute, field, list
 * or condition, a name used out of its context) is reported as a system
 * error with the file and line; then NULL.  The caller owns the result
 * (template_free()).
 */
struct template *template_load(const char *dir, const char *file,
			       enum fields_ctx ctx);

/* NULL is a no-op. */
void template_free(struct template *);

/*
 * Expands t for env into doc: the title, subject and keywords into
 * doc->meta, the blocks under doc->root.  env->arena must be doc's arena
 * (composed strings go there); env->items is used while looping and left
 * as it was.  false after a system diagnostic (doc is then incomplete):
 * out of memory, or the document grew past a bound on expansion steps
 * (a template whose loops nest over long lists).
 */
bool template_expand(const struct template *t, struct fields_env *env,
		     struct doc *doc);

#endif
