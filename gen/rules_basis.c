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
#define DEFERRAL                                                                \
	"ordonnance n° 2020-387 du 1er avril 2020 modifiée par l'ordonnance " \
	"n° 2020-1501 du 2 décembre 2020"
#define OPTION "droit d'option de l'ordonnance n° 2019-861 du 21 août 2019"
#define CDC    "Caisse des dépôts, qui gère le CPF,"

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

const char *rules_basis_regime(struct rules_ctx *ctx, enum rules_regime regime)
{
	if (ctx->r->regime == REGIME_AUTO)
		return rules_basis_printf(ctx, "régime %d", (int)regime);
	return rules_basis_printf(
	    ctx, "régime %d imposé par les règles de l'entreprise",
	    (int)regime);
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

static const char *due_from_anchor(struct rules_ctx *,
				   const struct rules_due *);

const char *rules_basis_due(struct rules_ctx *ctx, const struct rules_due *due)
{
	const char *s;
	if (due->first_year)
		s = rules_basis_printf(
		    ctx, "%s : 12 mois après %s (premier entretien)",
		    rules_basis_regime(ctx, RULES_REGIME_2025),
		    start_words(ctx));
	else
		s = due_from_anchor(ctx, due);
	if (due->deferred)
		s = rules_basis_printf(ctx,
				       "%s ; échéance comprise entre le "
				       "2020-01-01 et le 2021-06-30, entretien "
				       "possible jusqu'au 2021-06-30 (%s)",
				       s, DEFERRAL);
	return s;
}

/* The sentence of a due date computed from its anchor. */
static const char *due_from_anchor(struct rules_ctx *ctx,
				   const struct rules_due *due)
{
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
	const char *s = rules_basis_printf(ctx, "%s : %s après %s",
					   rules_basis_regime(ctx, due->regime),
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
	const char *regime = rules_basis_regime(ctx, p->regime);
	if (p->index == 1)
		s = rules_basis_printf(ctx,
				       "%s : état des lieux à %d ans "
				       "d'ancienneté, comptés depuis %s",
				       regime, p->years, start_words(ctx));
	else
		s = rules_basis_printf(
		    ctx,
		    "%s : état des lieux %d ans après la fin de la "
		    "période précédente, le %s",
		    regime, p->years, iso(ctx, p->start));
	if (ctx->r->regime == REGIME_AUTO && p->years == 8 &&
	    p->start < ctx->r->reform_date)
		s = rules_basis_printf(
		    ctx, "%s (6 ans mèneraient au %s, après le %s)", s,
		    iso(ctx, date_add_years(p->start, 6)),
		    iso(ctx, ctx->r->reform_date));
	if (p->emergency)
		s = rules_basis_printf(
		    ctx,
		    "%s ; fin de période entre le 2020-01-01 et le 2021-06-30 "
		    ": "
		    "entretien d'état des lieux possible jusqu'au 2021-06-30 "
		    "et faits comptés jusqu'à cette date (%s)",
		    s, DEFERRAL);
	return s;
}

/*
 * "deux des trois mesures en vigueur au 31 décembre 2018 (formation,
 * certification)": the droit d'option's measures the period had.
 */
static const char *measures_words(struct rules_ctx *ctx,
				  const struct rules_period *p)
{
	static const char *const how_many[] = {
	    "aucune des trois mesures", "une seule des trois mesures",
	    "deux des trois mesures", "les trois mesures"};
	const char *s = rules_basis_printf(
	    ctx,
	    "%s en vigueur au 31 décembre 2018 (formation, certification, "
	    "progression salariale ou professionnelle)",
	    how_many[p->measures]);
	if (p->measures == 0)
		return s;
	return rules_basis_printf(
	    ctx, "%s : %s%s%s%s%s", s, p->training ? "formation" : "",
	    p->training && (p->certification || p->progression) ? ", " : "",
	    p->certification ? "certification" : "",
	    p->certification && p->progression ? ", " : "",
	    p->progression ? "progression" : "");
}

/* What a recorded payment adds to the verdict; "" without one. */
static const char *paid_words(struct rules_ctx *ctx,
			      const struct rules_period *p)
{
	if (p->paid == NULL)
		return "";
	const char *ref =
	    p->paid->reference != NULL
		? rules_basis_printf(ctx, ", référence %s", p->paid->reference)
		: "";
	return rules_basis_printf(ctx, " ; versement de %s enregistré le %s%s",
				  euros(ctx, p->paid->amount_eur),
				  iso(ctx, p->paid->paid), ref);
}

/* The payment date and who receives it (R6323-3, §7b). */
static const char *payment_words(struct rules_ctx *ctx,
				 const struct rules_period *p)
{
	return rules_basis_printf(
	    ctx, "à verser à la %s au plus tard le %s (R6323-3%s)", CDC,
	    iso(ctx, p->payment_due),
	    p->emergency ? rules_basis_printf(ctx,
					      ", sanctions suspendues jusqu'au "
					      "2021-06-30 par l'%s",
					      DEFERRAL)
			 : "");
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
	bool option = p->test == RULES_TEST_2018_OPTION;
	bool owed_2018 = !p->interviews_ok && !p->non_mandatory_training;
	const char *s;
	if (p->headcount < 50) {
		s = rules_basis_printf(ctx,
				       "pas d'abondement correctif : effectif "
				       "de %s, inférieur à 50",
				       count(ctx, p->headcount));
	} else if (p->abondement_eur > 0) {
		const char *measures =
		    option
			? rules_basis_printf(ctx, " ; %s : %s, il en faut deux",
					     OPTION, measures_words(ctx, p))
			: "";
		s = rules_basis_printf(
		    ctx,
		    "%sabondement correctif de %s : entretiens prévus non "
		    "tous réalisés (%s) et aucune formation non "
		    "obligatoire, effectif de %s%s ; %s",
		    p->final ? "" : "projection si rien ne change : ",
		    euros(ctx, p->abondement_eur), interviews,
		    count(ctx, p->headcount), measures, payment_words(ctx, p));
	} else if (owed_2018 && option && p->measures >= 2) {
		s = rules_basis_printf(
		    ctx,
		    "pas d'abondement correctif, par le %s : entretiens "
		    "prévus non tous réalisés (%s) et aucune formation non "
		    "obligatoire, mais %s ; le test le plus favorable à "
		    "l'employeur est retenu",
		    OPTION, interviews, measures_words(ctx, p));
	} else if (owed_2018) {
		s = rules_basis_printf(
		    ctx,
		    "pas d'abondement correctif : entretiens prévus non tous "
		    "réalisés (%s) et aucune formation non obligatoire, mais "
		    "le montant est fixé à 0\u00a0€ par les règles de "
		    "l'entreprise",
		    interviews);
	} else if (p->interviews_ok && p->non_mandatory_training) {
		s = rules_basis_printf(
		    ctx,
		    "pas d'abondement correctif : entretiens prévus "
		    "réalisés (%s) et au moins une formation non "
		    "obligatoire",
		    interviews);
	} else if (p->interviews_ok) {
		s = rules_basis_printf(
		    ctx,
		    "pas d'abondement correctif : entretiens prévus "
		    "réalisés (%s), même sans formation non obligatoire ; "
		    "%s",
		    interviews, CUMULATIVE);
	} else {
		s = rules_basis_printf(
		    ctx,
		    "pas d'abondement correctif : entretiens prévus non tous "
		    "réalisés (%s), mais au moins une formation non "
		    "obligatoire ; %s",
		    interviews, CUMULATIVE);
	}
	/* Under the option, say which test decided when it was not. */
	if (option && p->headcount >= 50 && !owed_2018)
		s = rules_basis_printf(ctx,
				       "%s ; test de 2018 retenu, sans recours "
				       "au %s",
				       s, OPTION);
	return rules_basis_printf(ctx, "%s%s", s, paid_words(ctx, p));
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
	/* A forced regime decides whether the 2025 exemption can apply. */
	const char *forced =
	    ctx->r->regime == REGIME_AUTO
		? ""
		: rules_basis_printf(
		      ctx, "%s : ", rules_basis_regime(ctx, ret->regime));
	const char *s = rules_basis_printf(
	    ctx, "%sfin %s le %s : proposition due sous %d jours (%s)", forced,
	    rules_absence_fr_of(ret->kind), iso(ctx, ret->end),
	    ctx->r->return_offer_days, GRACE_CHOICE);
	if (ret->deferred)
		s = rules_basis_printf(ctx, "%s, reportée au 2021-06-30 (%s)",
				       s, DEFERRAL);
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
	    "fin %s le %s, reprise le %s : %s, pas de proposition "
	    "due, %s (%s) a eu lieu dans les 12 mois avant la reprise",
	    rules_absence_fr_of(ret->kind), iso(ctx, ret->end),
	    iso(ctx, ret->return_date),
	    rules_basis_regime(ctx, RULES_REGIME_2025),
	    event_words(ctx, &ret->by), ret->by.id);
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
 * before the reform, a hire after the due date (mid-career) or at 60 or
 * later (end-of-career), or a due date after the exit; NULL when owed.
 */
static const char *not_owed(struct rules_ctx *ctx, const struct rules_senior *s,
			    const char *what)
{
	date_t hire = ctx->d->employment.hire_date;
	if (s->owed)
		return NULL;
	if (ctx->r->regime == REGIME_2014)
		return rules_basis_printf(
		    ctx, "%s : pas %s",
		    rules_basis_regime(ctx, RULES_REGIME_2014), what);
	if (!rules_reformed(ctx, s->due))
		return rules_basis_printf(
		    ctx,
		    "échéance du %s antérieure à la réforme du %s : "
		    "pas %s",
		    iso(ctx, s->due), iso(ctx, ctx->r->reform_date), what);
	if (s->window_end != DATE_NONE && hire >= s->window_end)
		return rules_basis_printf(
		    ctx, "embauche du %s à 60 ans ou plus : pas %s",
		    iso(ctx, hire), what);
	if (s->due < hire)
		return rules_basis_printf(
		    ctx,
		    "échéance du %s antérieure à l'embauche du %s : pas %s",
		    iso(ctx, s->due), iso(ctx, hire), what);
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
	const char *regime = rules_basis_regime(ctx, RULES_REGIME_2025);
	if (s->has_visit)
		return rules_basis_printf(
		    ctx,
		    "%s : 2 mois après la visite médicale de "
		    "mi-carrière du %s%s",
		    regime, iso(ctx, s->visit), senior_tail(ctx, s));
	return rules_basis_printf(
	    ctx,
	    "%s : fin février suivant l'année des 45 ans (%d), "
	    "faute de visite médicale de mi-carrière enregistrée%s",
	    regime, y, senior_tail(ctx, s));
}

const char *rules_basis_end_of_career(struct rules_ctx *ctx,
				      const struct rules_senior *s)
{
	const char *no = not_owed(ctx, s, "d'entretien de fin de carrière");
	if (no != NULL)
		return no;
	return rules_basis_printf(
	    ctx,
	    "%s : veille des 60 ans, entretien à tenir du %s au "
	    "%s%s",
	    rules_basis_regime(ctx, RULES_REGIME_2025),
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
