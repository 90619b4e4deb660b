/*
 * File names of one dossier's documents, unique within the dossier (see
 * documents.h): two documents that would share a name never overwrite
 * each other, whichever command writes them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "documents.h"
#include "grow.h"

/*
 * What tells two documents of a dossier with the same name and date
 * apart: for letters, their convocation's id; for reports, the
 * interview's id.
 */
static const char *discriminator(const struct documents_entry *e)
{
	if (e->kind == DOCUMENTS_LETTER && e->letter->convocation != NULL)
		return e->letter->convocation->id;
	if (e->kind == DOCUMENTS_REPORT && e->interview != NULL)
		return e->interview->id;
	return NULL;
}

static bool taken(const struct documents_names *names, const char *path)
{
	for (size_t i = 0; i < names->n; i++)
		if (strcmp(names->paths[i], path) == 0)
			return true;
	return false;
}

/* An id reduced to file-name characters: letters, digits and '-'. */
static void plain_tag(char tag[72], const char *id)
{
	size_t at = 0;
	for (const char *s = id; *s != '\0' && at < 64; s++) {
		char c = *s;
		bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9') || c == '-';
		tag[at++] = plain ? c : '-';
	}
	tag[at] = '\0';
}

bool documents_unique_path(struct documents_names *names,
			   char path[OUTFILE_PATH_MAX], const struct dossier *d,
			   const struct documents_entry *e, const char *ext)
{
	char base[OUTFILE_PATH_MAX];
	documents_path(path, d, e, ext);
	const char *dot = strrchr(path, '.');
	snprintf(base, sizeof(base), "%.*s", (int)(dot - path), path);
	const char *disc = discriminator(e);
	for (int n = 1; taken(names, path); n++) {
		char tag[72];
		if (n == 1 && disc != NULL)
			plain_tag(tag, disc);
		else
			snprintf(tag, sizeof(tag), "%d", n);
		snprintf(path, OUTFILE_PATH_MAX, "%.*s_%s.%s",
			 (int)(OUTFILE_PATH_MAX - 80), base, tag, ext);
	}
	if (!grow_array(&names->paths, &names->cap, names->n, 16,
			sizeof(*names->paths))) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	memcpy(names->paths[names->n++], path, OUTFILE_PATH_MAX);
	return true;
}

void documents_names_free(struct documents_names *names)
{
	if (names == NULL)
		return;
	free(names->paths);
	names->paths = NULL;
	names->n = names->cap = 0;
}
