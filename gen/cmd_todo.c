/*
 * Commands not yet written.  Each says so and fails as a usage error, so
 * that no script mistakes it for a result.  Delete a function from here
 * when its cmd_*.c file lands.
 */
#include "cli.h"
#include "diag.h"
