/*
 * Data directory lookup (see paths.h).  The source tree wins over the
 * installed copy so that a developer's build never reads stale templates.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "paths.h"

#ifndef PARCOURS_DATADIR
#define PARCOURS_DATADIR "/usr/local/share/parcours"
#endif

static bool has_schema(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	if (snprintf(path, sizeof(path), "%s/schema/dossier.rng", dir) >=
	    (int)sizeof(path))
		return false;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The directory above the running binary's, or NULL. */
static char *source_tree(void)
{
	static char dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n <= 0)
		return NULL;
	dir[n] = '\0';
	for (int up = 0; up < 2; up++) {
		char *slash = strrchr(dir, '/');
		if (slash == NULL)
			return NULL;
		*slash = '\0';
	}
	return has_schema(dir) ? dir : NULL;
}

/* dir/name into one of the static buffers below; NULL if too long. */
static const char *join(char buf[PATH_MAX], const char *dir, const char *name)
{
	if (snprintf(buf, PATH_MAX, "%s/%s", dir, name) >= PATH_MAX)
		return NULL;
	return buf;
}

bool paths_resolve(const char *datadir, struct options *o)
{
	const char *dir = NULL;
	if (datadir != NULL && *datadir != '\0' && has_schema(datadir))
		dir = datadir;
	else if ((dir = source_tree()) == NULL && has_schema(PARCOURS_DATADIR))
		dir = PARCOURS_DATADIR;
	if (dir == NULL) {
		diag(MSG_PATH_NO_DATA_DIRECTORY, NULL, 0, PARCOURS_DATADIR);
		return false;
	}
	/* The paths live until exit, as main's options do. */
	static char schema[PATH_MAX], templates[PATH_MAX], fonts[PATH_MAX];
	o->schema_dir = join(schema, dir, "schema");
	if (o->templates_dir == NULL)
		o->templates_dir = join(templates, dir, "templates");
	if (o->fonts_dir == NULL)
		o->fonts_dir = join(fonts, dir, "fonts");
	/* Cannot happen while has_schema() vouches for the longer
	 * dir/schema/dossier.rng; said as any path too long would be. */
	if (o->schema_dir == NULL || o->templates_dir == NULL ||
	    o->fonts_dir == NULL) {
		diag(MSG_OUT_PATH_TOO_LONG, dir, 0);
		return false;
	}
	return true;
}
