/*
 * The read–compute–act driver (see pipeline.h): the only loop over the
 * dossiers, and the only place their facts are computed for a command.
 */
#include <stdlib.h>

#include "diag.h"
#include "pipeline.h"

struct pipeline {
	struct dossier_source *src;
	date_t as_of;
};

struct pipeline *pipeline_new(const struct options *o)
{
	struct pipeline *p = calloc(1, sizeof(*p));
	if (p == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return NULL;
	}
	p->as_of = o->as_of;
	p->src = dossier_source_new(o->inputs, o->ninputs, o->company_file,
				    o->schema_dir);
	if (p->src == NULL) {
		free(p);
		return NULL;
	}
	return p;
}

enum pipeline_end pipeline_run(struct pipeline *p,
			       const struct pipeline_acts *acts)
{
	struct dossier *d;
	while ((d = dossier_source_next(p->src)) != NULL) {
		if (acts->wanted != NULL && !acts->wanted(acts->ctx, d)) {
			dossier_free(d);
			continue;
		}
		struct rules_facts *f = rules_compute(d, p->as_of);
		enum pipeline_step step =
		    f != NULL ? acts->act(acts->ctx, d, f) : PIPELINE_OOM;
		if (step == PIPELINE_KEEP)
			continue;
		if (step == PIPELINE_PAUSE)
			return PIPELINE_PAUSED;
		rules_facts_free(f);
		dossier_free(d);
		if (step == PIPELINE_OOM)
			diag(MSG_OUT_OF_MEMORY, NULL, 0);
		if (step != PIPELINE_NEXT)
			return PIPELINE_FAILED;
	}
	return PIPELINE_READ_ALL;
}

struct dossier_source *pipeline_source(struct pipeline *p)
{
	return p->src;
}

void pipeline_free(struct pipeline *p)
{
	if (p == NULL)
		return;
	dossier_source_free(p->src);
	free(p);
}

bool pipeline_each(const struct options *o, const struct pipeline_acts *acts)
{
	struct pipeline *p = pipeline_new(o);
	bool ok = p != NULL && pipeline_run(p, acts) == PIPELINE_READ_ALL;
	pipeline_free(p);
	return ok;
}
