/*
 * parcours notice: the hiring information notice of every dossier hired
 * on or after 2014-03-07 (documents.md §1).  For main.c, through cli.h.
 */
#include "cli.h"
#include "documents.h"

void cmd_notice(const struct options *o)
{
	documents_write(o, DOCUMENTS_NOTICE);
}
