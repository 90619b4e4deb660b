/*
 * Where parcours finds its schema, templates and fonts: beside the
 * binary when run from the source tree (build/parcours finds ../schema),
 * else the installed data directory.  For main.c.
 */
#ifndef PARCOURS_PATHS_H
#define PARCOURS_PATHS_H

#include <stdbool.h>

#include "cli.h"

/*
 * Fills o->schema_dir, and templates_dir and fonts_dir unless given on
 * the command line, from datadir (PARCOURS_DATADIR, which main.c reads;
 * NULL or empty: none) if it holds the schema, else as above.  The
 * strings live until exit.  false after a system diagnostic if no data
 * directory can be found.
 */
bool paths_resolve(const char *datadir, struct options *o);

#endif
