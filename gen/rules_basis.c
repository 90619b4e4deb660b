/*
 * The basis sentences: for each computed date or verdict, the French
 * sentence that tells an HR manager which event or rule gave it, with the
 * Choice items of rules.md spelled out.  For rules_*.c; the absence names
 * are also exported (rules.h) for documents.
 */
#include <stdarg.h>
#include <stdio.h>

#include "arena.h"
#include "rules_internal.h"

/* Wording used in several sentences. */
#define CUMULATIVE                                                             \
	"les deux conditions sont cumulatives (Cass. soc., 21 janvier 2026, "  \
	"n° 24-12.972)"
#define MISSED_CHOICE                                                          \
	"choix : chaque période sans entretien compte comme une échéance "  \
	"manquée"
#define GRACE_CHOICE "choix : délai de grâce"
#define TRANSITION   "Q&R du ministère du Travail"

const char *rules_basis_printf(struct rules_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		ctx->oom = true;
		return NULL;
	}
	char *s = rules_alloc(ctx, (size_t)n + 1);
	if (s == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* An ISO date in the arena, for use as a %s argument. */
static const char *iso(struct rules_ctx *ctx, date_t date)
{
	char buf[DATE_ISO_LEN];
	return rules_basis_printf(ctx, "%s", date_fmt_iso(date, buf));
}

/* Each kind's French name, bare, with "de" and with "un"; by enum value. */
static const struct absence_fr {
	const char *name, *of, *a;
} absence_fr[] = {
    [ABSENCE_MATERNITY] = {"congé de maternité", "du congé de maternité",
			   "un congé de maternité"},
    [ABSENCE_ADOPTION] = {"congé d'adoption", "du congé d'adoption",
			  "un congé d'adoption"},
    [ABSENCE_PARENTAL_LEAVE] = {"congé parental d'éducation",
				"du congé parental d'éducation",
				"un congé parental d'éducation"},
    [ABSENCE_PARENTAL_PART_TIME] = {"temps partiel parental",
				    "du temps partiel parental",
				    "un temps partiel parental"},
    [ABSENCE_CAREGIVER] = {"congé de proche aidant",
			   "du congé de proche aidant",
			   "un congé de proche aidant"},
    [ABSENCE_SABBATICAL] = {"congé sabbatique", "du congé sabbatique",
			    "un congé sabbatique"},
    [ABSENCE_SECURE_MOBILITY] =
	{"période de mobilité volontaire sécurisée",
	 "de la période de mobilité volontaire sécurisée",
	 "une période de mobilité volontaire sécurisée"},
    [ABSENCE_LONG_ILLNESS] = {"arrêt de longue maladie",
			      "de l'arrêt de longue maladie",
			      "un arrêt de longue maladie"},
    [ABSENCE_UNION_MANDATE] = {"mandat syndical", "du mandat syndical",
			       "un mandat syndical"},
    [ABSENCE_SICK] = {"arrêt maladie", "de l'arrêt maladie",
		      "un arrêt maladie"},
    [ABSENCE_PATERNITY] = {"congé de paternité", "du congé de paternité",
			   "un congé de paternité"},
    [ABSENCE_OTHER] = {"absence", "de l'absence", "une absence"},
};

_Static_assert(sizeof(absence_fr) / sizeof(absence_fr[0]) == ABSENCE_OTHER + 1,
	       "one French name for each absence kind");

/* A value out of the enum reads as ABSENCE_OTHER. */
static const struct absence_fr *absence_fr_of(enum absence_kind kind)
{
	size_t i = (size_t)kind <= ABSENCE_OTHER ? (size_t)kind : ABSENCE_OTHER;
	return &absence_fr[i];
}

const char *rules_absence_fr(enum absence_kind kind)
{
	return absence_fr_of(kind)->name;
}

const char *rules_absence_fr_of(enum absence_kind kind)
{
	return absence_fr_of(kind)->of;
}

const char *rules_absence_fr_a(enum absence_kind kind)
{
	return absence_fr_of(kind)->a;
}

/* "2 480", "1 000 000": groups of three digits separated by the narrow
 * no-break space of documents.md. */
static const char *count(struct rules_ctx *ctx, long n)
{
	if (n < 0)
		return rules_basis_printf(ctx, "-%s", count(ctx, -n));
	if (n < 1000)
		return rules_basis_printf(ctx, "%ld", n);
	return rules_basis_printf(ctx, "%s\u202f%03ld", count(ctx, n / 1000),
				  n % 1000);
}

/* "3 000 €", with a no-break space before the sign. */
static const char *euros(struct rules_ctx *ctx, long eur)
{
	return rules_basis_printf(ctx, "%s\u00a0€", count(ctx, eur));
}

/* "l'entretien du 2024-01-08", "le refus de l'entretien du …". */
static const char *event_words(struct rules_ctx *ctx,
			       const struct rules_event *e)
{
	char d[DATE_ISO_LEN];
	date_fmt_iso(e->date, d);
	switch (e->type) {
	case RULES_EVENT_INTERVIEW:
		return rules_basis_printf(ctx, "l'entretien du %s", d);
	case RULES_EVENT_REFUSAL:
		return rules_basis_printf(
		    ctx, "le refus de l'entretien du %s (convocation %s)", d,
		    e->id);
	case RULES_EVENT_CONVOCATION:
		return rules_basis_printf(ctx, "la convocation %s du %s", e->id,
					  d);
	case RULES_EVENT_NONE:
		break;
	}
	return "";
}

/* What S is, in words: the hire date, the seniority date, or the law. */
static const char *start_words(struct rules_ctx *ctx)
{
	const struct employment *e = &ctx->d->employment;
	if (ctx->f->seniority_clamped)
		return rules_basis_printf(
		    ctx,
		    "le %s (début de la loi de 2014 pour le personnel "
		    "déjà en poste)",
		    iso(ctx, ctx->S));
	if (e->seniority_date == DATE_NONE || e->seniority_date == e->hire_date)
		return rules_basis_printf(ctx, "l'embauche du %s",
					  iso(ctx, ctx->S));
	return rules_basis_printf(ctx, "la date d'ancienneté du %s",
				  iso(ctx, ctx->S));
}

const char *rules_basis_seniority(struct rules_ctx *ctx)
{
	const struct employment *e = &ctx->d->employment;
	date_t given =
	    e->seniority_date != DATE_NONE ? e->seniority_date : e->hire_date;
	const char *what = e->seniority_date != DATE_NONE ? "date d'ancienneté"
							  : "date d'embauche";
	if (ctx->f->seniority_clamped)
		return rules_basis_printf(
		    ctx,
		    "%s du %s ramenée au %s, début de la loi de 2014 pour "
		    "le personnel déjà en poste",
		    what, iso(ctx, given), iso(ctx, ctx->S));
	return rules_basis_printf(ctx, "%s du %s", what, iso(ctx, ctx->S));
}

static const char *months_words(struct rules_ctx *ctx,
				const struct rules_due *due)
{
	if (due->regime == RULES_REGIME_2014)
		return "24 mois";
	if (ctx->r->periodicity_months > 0)
		return rules_basis_printf(ctx,
					  "%d mois (accord collectif sur la "
					  "périodicité)",
					  ctx->P);
	return "48 mois";
}

const char *rules_basis_due(struct rules_ctx *ctx, const struct rules_due *due)
{
	if (due->first_year)
		return rules_basis_printf(
		    ctx, "régime 2025 : 12 mois après %s (premier entretien)",
		    start_words(ctx));
	const char *anchor = "";
	switch (due->anchor_kind) {
	case RULES_ANCHOR_START:
		anchor = start_words(ctx);
		break;
	case RULES_ANCHOR_EVENT:
		anchor = event_words(ctx, &due->anchor_event);
		break;
	case RULES_ANCHOR_MISSED:
		anchor =
		    rules_basis_printf(ctx, "l'échéance manquée du %s (%s)",
				       iso(ctx, due->anchor), MISSED_CHOICE);
		break;
	}
	const char *s =
	    rules_basis_printf(ctx, "régime %d : %s après %s", (int)due->regime,
			       months_words(ctx, due), anchor);
	/* Transition: a 2014 deadline still running on R is recomputed
	 * under the 2025 regime from the same anchor. */
	if (ctx->r->regime == REGIME_AUTO && due->regime == RULES_REGIME_2025 &&
	    due->anchor < ctx->r->reform_date)
		s = rules_basis_printf(
		    ctx,
		    "%s ; l'échéance de 24 mois (%s) n'était pas expirée "
		    "au %s, d'où le régime 2025 (%s)",
		    s, iso(ctx, date_add_months(due->anchor, 24)),
		    iso(ctx, ctx->r->reform_date), TRANSITION);
	return s;
}

const char *rules_basis_period(struct rules_ctx *ctx,
			       const struct rules_period *p)
{
	const char *s;
	if (p->index == 1)
		s = rules_basis_printf(
		    ctx,
		    "régime %d : état des lieux à %d ans d'ancienneté, "
		    "comptés depuis %s",
		    (int)p->regime, p->years, start_words(ctx));
	else
		s = rules_basis_printf(
		    ctx,
		    "régime %d : état des lieux %d ans après la fin de la "
		    "période précédente, le %s",
		    (int)p->regime, p->years, iso(ctx, p->start));
	if (ctx->r->regime == REGIME_AUTO && p->years == 8 &&
	    p->start < ctx->r->reform_date)
		s = rules_basis_printf(
		    ctx, "%s (6 ans mèneraient au %s, après le %s)", s,
		    iso(ctx, date_add_years(p->start, 6)),
		    iso(ctx, ctx->r->reform_date));
	return s;
}

const char *rules_basis_verdict(struct rules_ctx *ctx,
				const struct rules_period *p)
{
	const char *interviews =
	    p->interviews_due == 0
		? "aucun entretien prévu"
		: rules_basis_printf(
		      ctx,
		      "%d entretien%s prévu%s, %d à "
		      "temps",
		      p->interviews_due, p->interviews_due > 1 ? "s" : "",
		      p->interviews_due > 1 ? "s" : "", p->interviews_on_time);
	if (p->headcount < 50)
		return rules_basis_printf(
		    ctx,
		    "pas d'abondement correctif : effectif de %s, "
		    "inférieur à 50",
		    count(ctx, p->headcount));
	if (p->abondement_eur > 0)
		return rules_basis_printf(
		    ctx,
		    "%sabondement correctif de %s : entretiens prévus non "
		    "tous réalisés (%s) et aucune formation non "
		    "obligatoire, effectif de %s ; à verser au CPF avant "
		    "le %s (R6323-3)",
		    p->final ? "" : "projection si rien ne change : ",
		    euros(ctx, p->abondement_eur), interviews,
		    count(ctx, p->headcount), iso(ctx, p->payment_due));
	if (p->interviews_ok && p->non_mandatory_training)
		return rules_basis_printf(
		    ctx,
		    "pas d'abondement correctif : entretiens prévus "
		    "réalisés (%s) et au moins une formation non "
		    "obligatoire",
		    interviews);
	if (p->interviews_ok)
		return rules_basis_printf(
		    ctx,
		    "pas d'abondement correctif : entretiens prévus "
		    "réalisés (%s), même sans formation non obligatoire ; "
		    "%s",
		    interviews, CUMULATIVE);
	return rules_basis_printf(
	    ctx,
	    "pas d'abondement correctif : entretiens prévus non tous "
	    "réalisés (%s), mais au moins une formation non obligatoire ; "
	    "%s",
	    interviews, CUMULATIVE);
}

const char *rules_basis_recap_open(struct rules_ctx *ctx,
				   const struct rules_period *p)
{
	const char *s = p->basis;
	if (p->final)
		s = rules_basis_printf(
		    ctx, "%s ; aucun entretien d'état des lieux après le %s", s,
		    iso(ctx, date_add_months(p->end, -12)));
	if (p->abondement_eur > 0)
		s = rules_basis_printf(ctx, "%s ; %s", s, p->verdict);
	return s;
}

const char *rules_basis_return(struct rules_ctx *ctx,
			       const struct rules_return *ret)
{
	const char *s = rules_basis_printf(
	    ctx, "fin %s le %s : proposition due sous %d jours (%s)",
	    rules_absence_fr_of(ret->kind), iso(ctx, ret->end),
	    ctx->r->return_offer_days, GRACE_CHOICE);
	switch (ret->verdict) {
	case RULES_RETURN_OWED:
		return s;
	case RULES_RETURN_SATISFIED:
		return rules_basis_printf(
		    ctx, "%s ; proposée par %s%s%s", s,
		    event_words(ctx, &ret->by),
		    ret->by.type == RULES_EVENT_INTERVIEW ? " " : "",
		    ret->by.type == RULES_EVENT_INTERVIEW
			? rules_basis_printf(ctx, "(%s)", ret->by.id)
			: "");
	case RULES_RETURN_EXEMPTED:
		break;
	}
	return rules_basis_printf(
	    ctx,
	    "fin %s le %s, reprise le %s : régime 2025, pas de proposition "
	    "due, %s (%s) a eu lieu dans les 12 mois avant la reprise",
	    rules_absence_fr_of(ret->kind), iso(ctx, ret->end),
	    iso(ctx, ret->return_date), event_words(ctx, &ret->by), ret->by.id);
}

/* " ; réalisé : l'entretien du …" when satisfied. */
static const char *senior_tail(struct rules_ctx *ctx,
			       const struct rules_senior *s)
{
	if (!s->satisfied)
		return "";
	return rules_basis_printf(ctx, " ; réalisé : %s",
				  event_words(ctx, &s->by));
}

/*
 * Why a senior interview is not owed: a forced 2014 regime, a due date
 * before the reform, or one after the exit date; NULL when it is owed.
 */
static const char *not_owed(struct rules_ctx *ctx, const struct rules_senior *s,
			    const char *what)
{
	if (s->owed)
		return NULL;
	if (ctx->r->regime == REGIME_2014)
		return rules_basis_printf(
		    ctx, "régime 2014 imposé par l'entreprise : pas %s", what);
	if (!rules_reformed(ctx, s->due))
		return rules_basis_printf(
		    ctx,
		    "échéance du %s antérieure à la réforme du %s : "
		    "pas %s",
		    iso(ctx, s->due), iso(ctx, ctx->r->reform_date), what);
	return rules_basis_printf(
	    ctx, "échéance du %s après la sortie du %s : pas %s",
	    iso(ctx, s->due), iso(ctx, ctx->exit), what);
}

const char *rules_basis_mid_career(struct rules_ctx *ctx,
				   const struct rules_senior *s, date_t birth45)
{
	int y, m, d;
	date_to_ymd(birth45, &y, &m, &d);
	const char *no = not_owed(ctx, s, "d'entretien de mi-carrière");
	if (no != NULL)
		return no;
	if (s->has_visit)
		return rules_basis_printf(
		    ctx,
		    "régime 2025 : 2 mois après la visite médicale de "
		    "mi-carrière du %s%s",
		    iso(ctx, s->visit), senior_tail(ctx, s));
	return rules_basis_printf(
	    ctx,
	    "régime 2025 : fin février suivant l'année des 45 ans (%d), "
	    "faute de visite médicale de mi-carrière enregistrée%s",
	    y, senior_tail(ctx, s));
}

const char *rules_basis_end_of_career(struct rules_ctx *ctx,
				      const struct rules_senior *s)
{
	const char *no = not_owed(ctx, s, "d'entretien de fin de carrière");
	if (no != NULL)
		return no;
	return rules_basis_printf(
	    ctx,
	    "régime 2025 : veille des 60 ans, entretien à tenir du %s au "
	    "%s%s",
	    iso(ctx, s->window_start), iso(ctx, s->due), senior_tail(ctx, s));
}

const char *rules_basis_notice(struct rules_ctx *ctx)
{
	return rules_basis_printf(
	    ctx,
	    "embauche du %s : notice d'information due à l'embauche "
	    "(L6315-1)",
	    iso(ctx, ctx->d->employment.hire_date));
}
