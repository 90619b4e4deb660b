/*
 * The table of messages, made from the rows of msg.h.  For diag.c and
 * the check that every message has a test (tests/msg/names.c).
 */
#include "msg.h"

#define MSG_ROW_(id)		{#id, MSG_ROW__(id##_ROW)},
#define MSG_ROW__(row)		MSG_ROW___(row)
#define MSG_ROW___(level, text) level, text

static const struct {
	const char *name;
	enum msg_level level;
	const char *text;
} rows[] = {MSG_LIST(MSG_ROW_)};

const char *msg_name(enum msg id)
{
	return rows[id].name;
}

enum msg_level msg_level(enum msg id)
{
	return rows[id].level;
}

const char *msg_text(enum msg id)
{
	return rows[id].text;
}
