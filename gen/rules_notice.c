/*
 * The facts a hiring information notice shows (rules.md §8): what HR
 * knew on the notice's own date, not on the run's reference date.
 */
#include "rules.h"

struct rules_facts *rules_notice_facts(const struct dossier *d,
				       const struct rules_facts *f,
				       date_t notice_date)
{
	/* The notice announces nothing before its own date. */
	return rules_compute(d,
			     f->as_of < notice_date ? f->as_of : notice_date);
}
