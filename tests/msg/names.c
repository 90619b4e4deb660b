/*
 * Prints the name of every message of the table (gen/msg.h), one a
 * line: `make check-messages` compares them with the names the tests
 * produced (PARCOURS_MSG_TRACE, diag.c).
 */
#include <stdio.h>

#include "msg.h"

int main(void)
{
	for (int i = 0; i < MSG__COUNT; i++)
		puts(msg_name((enum msg)i));
	return 0;
}
