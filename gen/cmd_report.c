/*
 * parcours report: the report of every held interview that has one, or
 * with --blank a pre-filled form for every open periodic, recap,
 * mid-career or end-of-career obligation (documents.md §2).  For main.c,
 * through cli.h.
 */
#include "cli.h"
#include "documents.h"

void cmd_report(const struct options *o)
{
	documents_write(o,
			o->blank ? DOCUMENTS_REPORT_BLANK : DOCUMENTS_REPORT);
}
