/*
 * The column catalogue of the CSV importer: for each file of an export,
 * the columns it may have, their French and English headers, their
 * types and where they go in the dossier (doc/import.md is this table
 * in prose).  For the import_*.c files.
 */
#include <string.h>

#include "ascii_fold.h"
#include "import_internal.h"

/* Codes of the enumerations: "code=alias,alias" entries, "|"-separated. */
#define CODES_CIVILITY "M.=m,mr,monsieur|Mme=madame,mlle,mademoiselle"
#define CODES_CONTRACT                                                         \
	"CDI|CDD|interim=interimaire,travailtemporaire|apprentissage="         \
	"apprenti,contratdapprentissage|professionnalisation=contratpro,"      \
	"contratdeprofessionnalisation|aide=contrataide|stage"
#define CODES_NOTICE                                                           \
	"hand=mainpropre,remiseenmainpropre,main|email=courriel,mail|"         \
	"registered-mail=lrar,recommande,lettrerecommandee|contract=contrat"
#define CODES_ABSENCE                                                          \
	"maternity=maternite,congematernite|adoption=congeadoption|"           \
	"parental-leave=congeparental,congeparentaldeducation|"                \
	"parental-part-time=tempspartielparental|caregiver=procheaidant,"      \
	"congedeprocheaidant,congeprocheaidant|sabbatical=sabbatique,"         \
	"congesabbatique|secure-mobility=mobilitevolontairesecurisee,"         \
	"mobilitesecurisee|long-illness=longuemaladie,ald|sick=maladie,"       \
	"arretmaladie|paternity=paternite,congepaternite|other=autre"
#define CODES_RETURN_ABSENCE                                                   \
	CODES_ABSENCE "|union-mandate=mandatsyndical,finmandatsyndical"
#define CODES_MANDATE "union=syndical,mandatsyndical|elected=elu,mandatelectif"
#define CODES_INTERVIEW                                                        \
	"periodic=periodique,professionnel,entretienprofessionnel|return="     \
	"retour,reprise|recap=etatdeslieux,recapitulatif,bilan6ans|"           \
	"mid-career=micarriere|end-of-career=fincarriere"
#define CODES_DELIVERY                                                         \
	"hand=mainpropre,remiseenmainpropre,main|registered-mail=lrar,"        \
	"recommande,lettrerecommandee|email=courriel,mail"
#define CODES_OUTCOME                                                          \
	"pending=enattente,attente|held=tenu,realise,fait|absent|"             \
	"refused=refuse|declined=decline,decliner|cancelled=annule"
#define CODES_CERTIFICATION                                                    \
	"diploma=diplome|title=titre,titreprofessionnel|cqp|vae|other=autre"
#define CODES_PROGRESSION                                                      \
	"salary=salariale,salaire,remuneration|professional="                  \
	"professionnelle,promotion"
#define CODES_ACTION                                                           \
	"training=formation|vae|bilan=bilandecompetences|mobility=mobilite|"   \
	"tutoring=tutorat|other=autre"
#define CODES_STATUS                                                           \
	"planned=prevu,prevue,planifie|done=fait,realise,realisee|"            \
	"in-progress=encours|dropped=abandonne,abandonnee"
#define CODES_REGIME "auto|2014|2025"
#define CODES_VISIT  "mid-career=micarriere,visitemicarriere"

#define EMPLOYEE_ID_COL                                                        \
	{                                                                      \
		"employee_id", "matricule|idsalarie|salarie", IMPORT_ID, NULL, \
		    true, NULL                                                 \
	}

/* The company: its own file, or columns of employees.csv. */
#define COMPANY_COLS(req)                                                      \
	{"company_id", "societe|codesociete|entreprise|codeentreprise",        \
	 IMPORT_ID,    NULL,                                                   \
	 req,	       NULL},                                                  \
	    {"company_name", "raisonsociale|nomsociete|societenom",            \
	     IMPORT_TEXT,    NULL,                                             \
	     false,	     NULL},                                            \
	    {"company_siret", "siret", IMPORT_SIRET, NULL, false, NULL},       \
	    {"company_headcount",                                              \
	     "effectif|effectifsociete",                                       \
	     IMPORT_COUNT,                                                     \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	    {"company_address_1",                                              \
	     "societeadresse1|adressesociete1|"                                \
	     "societeadresse|adressesociete",                                  \
	     IMPORT_TEXT,                                                      \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	    {"company_address_2",                                              \
	     "societeadresse2|adressesociete2",                                \
	     IMPORT_TEXT,                                                      \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	    {"company_address_3",                                              \
	     "societeadresse3|adressesociete3",                                \
	     IMPORT_TEXT,                                                      \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	    {"company_postcode",                                               \
	     "societecodepostal|codepostalsociete",                            \
	     IMPORT_TEXT,                                                      \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	    {"company_city", "societeville|villesociete",                      \
	     IMPORT_TEXT,    NULL,                                             \
	     false,	     NULL},                                            \
	    {"signatory_name",                                                 \
	     "signataire|signatairenom",                                       \
	     IMPORT_TEXT,                                                      \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	    {"signatory_title",                                                \
	     "signatairefonction|signatairetitre",                             \
	     IMPORT_TEXT,                                                      \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	    {"regime", "regime", IMPORT_ENUM, CODES_REGIME, false, NULL},      \
	    {"reform_date", "datereforme|datedereforme",                       \
	     IMPORT_DATE,   NULL,                                              \
	     false,	    NULL},                                             \
	    {"periodicity_months",                                             \
	     "periodicitemois|periodicite",                                    \
	     IMPORT_COUNT,                                                     \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	    {"return_offer_days",                                              \
	     "delaipropositionretour|delairetour",                             \
	     IMPORT_COUNT,                                                     \
	     NULL,                                                             \
	     false,                                                            \
	     NULL},                                                            \
	{                                                                      \
		"abondement_eur", "montantabondement", IMPORT_COUNT, NULL,     \
		    false, NULL                                                \
	}

static const struct import_col companies[] = {COMPANY_COLS(true)};

/* company_id may be left out when the companies file has one company. */
static const struct import_col employees[] = {
    COMPANY_COLS(false),
    EMPLOYEE_ID_COL,
    {"civility", "civilite|titre", IMPORT_ENUM, CODES_CIVILITY, false, NULL},
    {"given_name", "prenom", IMPORT_TEXT, NULL, true, NULL},
    {"family_name", "nom|nomdefamille|nomfamille|nomusuel", IMPORT_TEXT, NULL,
     true, NULL},
    {"birth_date", "datenaissance|datedenaissance|nele|nelee", IMPORT_DATE,
     NULL, true, NULL},
    {"address_1", "adresse1|adresse|address|adresseligne1", IMPORT_TEXT, NULL,
     false, NULL},
    {"address_2", "adresse2|adresseligne2", IMPORT_TEXT, NULL, false, NULL},
    {"address_3", "adresse3|adresseligne3", IMPORT_TEXT, NULL, false, NULL},
    {"postcode", "codepostal|cp", IMPORT_TEXT, NULL, false, NULL},
    {"city", "ville|commune", IMPORT_TEXT, NULL, false, NULL},
    {"email", "courriel|mail|email|adresseemail", IMPORT_TEXT, NULL, false,
     NULL},
    {"contract", "contrat|typecontrat|typedecontrat", IMPORT_ENUM,
     CODES_CONTRACT, true, NULL},
    {"hire_date", "dateembauche|datedembauche|dateentree", IMPORT_DATE, NULL,
     true, NULL},
    {"seniority_date", "dateanciennete|datedanciennete", IMPORT_DATE, NULL,
     false, NULL},
    {"exit_date", "datesortie|datedesortie", IMPORT_DATE, NULL, false, NULL},
    {"job_title", "poste|emploi|intituleposte|intituledeposte|fonction",
     IMPORT_TEXT, NULL, true, NULL},
    {"department", "service|departement", IMPORT_TEXT, NULL, false, NULL},
    {"manager", "responsable|manager", IMPORT_TEXT, NULL, false, NULL},
    {"notice_delivered", "noticeremise|dateremisenotice|noticeremisele",
     IMPORT_DATE, NULL, false, NULL},
    {"notice_method", "moderemisenotice|noticemode", IMPORT_ENUM, CODES_NOTICE,
     false, NULL},
};

static const struct import_col positions[] = {
    EMPLOYEE_ID_COL,
    {"start", "debut|datedebut", IMPORT_DATE, NULL, true, "@start"},
    {"end", "fin|datefin", IMPORT_DATE, NULL, false, "@end"},
    {"job_title", "poste|intitule|intituleposte|emploi", IMPORT_TEXT, NULL,
     true, "."},
};

static const struct import_col absences[] = {
    EMPLOYEE_ID_COL,
    {"kind", "type|nature|motif", IMPORT_ENUM, CODES_ABSENCE, true, "@kind"},
    {"start", "debut|datedebut", IMPORT_DATE, NULL, true, "@start"},
    {"end", "fin|datefin", IMPORT_DATE, NULL, false, "@end"},
};

static const struct import_col mandates[] = {
    EMPLOYEE_ID_COL,
    {"kind", "type|nature", IMPORT_ENUM, CODES_MANDATE, true, "@kind"},
    {"start", "debut|datedebut", IMPORT_DATE, NULL, true, "@start"},
    {"end", "fin|datefin", IMPORT_DATE, NULL, false, "@end"},
    {"delegation_share", "partdelegation|quotepartdelegation", IMPORT_DECIMAL,
     NULL, false, "@delegation-share"},
};

static const struct import_col visits[] = {
    EMPLOYEE_ID_COL,
    {"kind", "type|nature", IMPORT_ENUM, CODES_VISIT, true, "@kind"},
    {"date", "datevisite", IMPORT_DATE, NULL, true, "@date"},
};

static const struct import_col trainings[] = {
    EMPLOYEE_ID_COL,
    {"start", "debut|datedebut", IMPORT_DATE, NULL, true, "@start"},
    {"end", "fin|datefin", IMPORT_DATE, NULL, false, "@end"},
    {"hours", "heures|dureeheures|duree", IMPORT_DECIMAL, NULL, false,
     "@hours"},
    {"mandatory", "obligatoire", IMPORT_BOOL, NULL, true, "@mandatory"},
    {"certifying", "certifiante", IMPORT_BOOL, NULL, false, "@certifying"},
    {"title", "intitule|libelle|formation", IMPORT_TEXT, NULL, true, "."},
};

static const struct import_col certifications[] = {
    EMPLOYEE_ID_COL,
    {"date", "dateobtention", IMPORT_DATE, NULL, true, "@date"},
    {"kind", "type|nature", IMPORT_ENUM, CODES_CERTIFICATION, true, "@kind"},
    {"title", "intitule|libelle|certification", IMPORT_TEXT, NULL, true, "."},
};

static const struct import_col progressions[] = {
    EMPLOYEE_ID_COL,
    {"date", "dateeffet", IMPORT_DATE, NULL, true, "@date"},
    {"kind", "type|nature", IMPORT_ENUM, CODES_PROGRESSION, true, "@kind"},
    {"description", "libelle|intitule|progression", IMPORT_TEXT, NULL, true,
     "."},
};

static const struct import_col abondements[] = {
    EMPLOYEE_ID_COL,
    {"period_end", "finperiode|datefinperiode", IMPORT_DATE, NULL, true,
     "@period-end"},
    {"paid", "dateversement|versele|paidon", IMPORT_DATE, NULL, true, "@paid"},
    {"amount_eur", "montant|montanteur", IMPORT_COUNT, NULL, false,
     "@amount-eur"},
    {"reference", "ref|referenceversement", IMPORT_TEXT, NULL, false,
     "@reference"},
};

static const struct import_col convocations[] = {
    EMPLOYEE_ID_COL,
    {"convocation_id", "idconvocation|numero|numeroconvocation|id", IMPORT_TEXT,
     NULL, true, "@id"},
    {"kind", "type|typeentretien", IMPORT_ENUM, CODES_INTERVIEW, true, "@kind"},
    {"issued", "dateenvoi|emisele|dateemission|datecourrier", IMPORT_DATE, NULL,
     true, "@issued"},
    {"date", "dateentretien|dateheure|dateheureentretien", IMPORT_DATETIME,
     NULL, true, "@date"},
    {"place", "lieu", IMPORT_TEXT, NULL, true, "@place"},
    {"interviewer", "evaluateur|interlocuteur|menepar", IMPORT_TEXT, NULL, true,
     "@interviewer"},
    {"interviewer_title", "fonctionevaluateur|titreevaluateur", IMPORT_TEXT,
     NULL, true, "@interviewer-title"},
    {"delivery", "remise|moderemise|envoi", IMPORT_ENUM, CODES_DELIVERY, true,
     "@delivery"},
    {"tracking", "numerolrar|suivi|numerosuivi", IMPORT_TEXT, NULL, false,
     "@tracking"},
    {"absence", "absencesuivie|motifretour", IMPORT_ENUM, CODES_RETURN_ABSENCE,
     false, "@absence"},
    {"outcome", "suite|resultat|issue", IMPORT_ENUM, CODES_OUTCOME, true,
     "@outcome"},
    {"response_date", "datereponse", IMPORT_DATE, NULL, false,
     "@response-date"},
};

/* xml: "@attr" of <interview>; "r:elem" a <report> child; "i:attr" of
 * <information>; "s:attr" of <signatures>. */
static const struct import_col interviews[] = {
    EMPLOYEE_ID_COL,
    {"interview_id", "identretien|numero|numeroentretien|id", IMPORT_TEXT, NULL,
     true, "@id"},
    {"kind", "type|typeentretien", IMPORT_ENUM, CODES_INTERVIEW, true, "@kind"},
    {"date", "dateentretien", IMPORT_DATE, NULL, true, "@date"},
    {"interviewer", "evaluateur|interlocuteur|menepar", IMPORT_TEXT, NULL, true,
     "@interviewer"},
    {"interviewer_title", "fonctionevaluateur|titreevaluateur", IMPORT_TEXT,
     NULL, true, "@interviewer-title"},
    {"absence", "absencesuivie|motifretour", IMPORT_ENUM, CODES_RETURN_ABSENCE,
     false, "@absence"},
    {"counts_as_periodic", "vautentretienperiodique|vautperiodique",
     IMPORT_BOOL, NULL, false, "@counts-as-periodic"},
    {"report_position", "posteetmissions|postemissions", IMPORT_TEXT, NULL,
     false, "r:position"},
    {"report_skills", "competences", IMPORT_TEXT, NULL, false, "r:skills"},
    {"report_difficulties", "difficultes", IMPORT_TEXT, NULL, false,
     "r:difficulties"},
    {"report_wishes", "souhaits|souhaitsdevolution", IMPORT_TEXT, NULL, false,
     "r:wishes"},
    {"report_training_needs", "besoinsformation|besoinsdeformation",
     IMPORT_TEXT, NULL, false, "r:training-needs"},
    {"report_project", "projet|projetprofessionnel", IMPORT_TEXT, NULL, false,
     "r:project"},
    {"informed_vae", "informevae|infovae", IMPORT_BOOL, NULL, false, "i:vae"},
    {"informed_cpf", "informecpf|infocpf", IMPORT_BOOL, NULL, false, "i:cpf"},
    {"informed_abondement", "informeabondement|infoabondement", IMPORT_BOOL,
     NULL, false, "i:abondement"},
    {"informed_cep", "informecep|infocep", IMPORT_BOOL, NULL, false, "i:cep"},
    {"report_mid_career", "micarriere", IMPORT_TEXT, NULL, false,
     "r:mid-career"},
    {"report_end_of_career", "fincarriere", IMPORT_TEXT, NULL, false,
     "r:end-of-career"},
    {"report_return", "reprise|conditionsdereprise", IMPORT_TEXT, NULL, false,
     "r:return"},
    {"report_mandate_skills", "competencesmandat", IMPORT_TEXT, NULL, false,
     "r:mandate-skills"},
    {"report_employee_comments", "commentairessalarie", IMPORT_TEXT, NULL,
     false, "r:employee-comments"},
    {"report_employer_comments", "commentairesemployeur", IMPORT_TEXT, NULL,
     false, "r:employer-comments"},
    {"signed_employee", "signaturesalarie|signesalarie", IMPORT_DATE, NULL,
     false, "s:employee"},
    {"signed_employer", "signatureemployeur|signeemployeur", IMPORT_DATE, NULL,
     false, "s:employer"},
    {"copy_given", "copieremise|dateremisecopie", IMPORT_DATE, NULL, false,
     "s:copy-given"},
};

static const struct import_col actions[] = {
    EMPLOYEE_ID_COL,
    {"interview_id", "identretien|numeroentretien|entretien", IMPORT_TEXT, NULL,
     true, NULL},
    {"kind", "type|nature", IMPORT_ENUM, CODES_ACTION, true, "@kind"},
    {"due", "echeance|dateecheance", IMPORT_DATE, NULL, false, "@due"},
    {"status", "statut|etat", IMPORT_ENUM, CODES_STATUS, false, "@status"},
    {"action", "libelle|description|intitule", IMPORT_TEXT, NULL, true, "."},
};

#define KIND(name, words, list, item, cols)                                    \
	{                                                                      \
		name, words, list, item, cols, sizeof(cols) / sizeof(cols[0])  \
	}

const struct import_kind_spec import_kinds[IMPORT_NKINDS] = {
    [IMPORT_COMPANIES] =
	KIND("companies", "compan|societe|entreprise", NULL, NULL, companies),
    [IMPORT_EMPLOYEES] =
	KIND("employees", "employee|salarie|personnel", NULL, NULL, employees),
    [IMPORT_POSITIONS] = KIND("positions", "position|postes|parcours",
			      "positions", "position", positions),
    [IMPORT_ABSENCES] =
	KIND("absences", "absence", "absences", "absence", absences),
    [IMPORT_MANDATES] =
	KIND("mandates", "mandat", "mandates", "mandate", mandates),
    [IMPORT_VISITS] = KIND("medical-visits", "visit|medic|medecine",
			   "medical-visits", "visit", visits),
    [IMPORT_TRAININGS] = KIND("trainings", "training|formation", "trainings",
			      "training", trainings),
    [IMPORT_CERTIFICATIONS] = KIND("certifications", "certif", "certifications",
				   "certification", certifications),
    [IMPORT_PROGRESSIONS] = KIND("progressions", "progression", "progressions",
				 "progression", progressions),
    [IMPORT_ABONDEMENTS] = KIND("abondements", "abondement", "abondements",
				"abondement", abondements),
    [IMPORT_CONVOCATIONS] = KIND("convocations", "convocation", "convocations",
				 "convocation", convocations),
    [IMPORT_INTERVIEWS] = KIND("interviews", "interview|entretien",
			       "interviews", "interview", interviews),
    [IMPORT_ACTIONS] = KIND("actions", "action", "actions", "action", actions),
};

void import_normalize(const char *s, char *out, size_t size)
{
	/* ascii_fold_name() upper-cases and folds accents; keep letters
	 * and digits of it, lower-cased. */
	char folded[256];
	ascii_fold_name(s, folded, sizeof(folded));
	size_t n = 0;
	for (const char *p = folded; *p != '\0' && n + 1 < size; p++) {
		if (*p >= 'A' && *p <= 'Z')
			out[n++] = (char)(*p - 'A' + 'a');
		else if (*p >= '0' && *p <= '9')
			out[n++] = *p;
	}
	if (size > 0)
		out[n] = '\0';
}

/* Whether word occurs in the "|"-list (entries compared whole). */
static bool list_has(const char *list, const char *word, char sep)
{
	size_t n = strlen(word);
	for (const char *p = list; p != NULL && *p != '\0';) {
		const char *end = strchr(p, sep);
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		if (len == n && memcmp(p, word, n) == 0)
			return true;
		p = end != NULL ? end + 1 : NULL;
	}
	return false;
}

enum import_kind import_kind_of(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	char norm[256];
	import_normalize(base, norm, sizeof(norm));
	/* Employees before companies: "employes-societe.csv" is the
	 * employees' file; actions before interviews: "entretiens-actions". */
	static const enum import_kind order[] = {
	    IMPORT_EMPLOYEES,	 IMPORT_ACTIONS,	IMPORT_COMPANIES,
	    IMPORT_POSITIONS,	 IMPORT_ABSENCES,	IMPORT_MANDATES,
	    IMPORT_VISITS,	 IMPORT_CERTIFICATIONS, IMPORT_TRAININGS,
	    IMPORT_PROGRESSIONS, IMPORT_ABONDEMENTS,	IMPORT_CONVOCATIONS,
	    IMPORT_INTERVIEWS,
	};
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const char *w = import_kinds[order[i]].file_words;
		while (w != NULL && *w != '\0') {
			const char *end = strchr(w, '|');
			size_t len =
			    end != NULL ? (size_t)(end - w) : strlen(w);
			char word[32];
			if (len < sizeof(word)) {
				memcpy(word, w, len);
				word[len] = '\0';
				if (strstr(norm, word) != NULL)
					return order[i];
			}
			w = end != NULL ? end + 1 : NULL;
		}
	}
	return IMPORT_NKINDS;
}

int import_column_find(enum import_kind kind, const char *header)
{
	const struct import_kind_spec *k = &import_kinds[kind];
	char norm[128];
	for (size_t i = 0; i < k->ncols; i++) {
		import_normalize(k->cols[i].name, norm, sizeof(norm));
		if (strcmp(norm, header) == 0)
			return (int)i;
	}
	for (size_t i = 0; i < k->ncols; i++)
		if (list_has(k->cols[i].aliases, header, '|'))
			return (int)i;
	return -1;
}
