/*
 * Commands not yet written.  Each says so and fails as a usage error, so
 * that no script mistakes it for a result.  Delete a function from here
 * when its cmd_*.c file lands.
 */
#include "cli.h"
#include "diag.h"

static void not_yet(const char *name)
{
	diag_usage("%s: not implemented yet", name);
}

void cmd_all(const struct options *o)
{
	(void)o;
	not_yet("all");
}
