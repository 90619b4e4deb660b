/*
 * The schema's lexical patterns, compiled once (see dossier_patterns.h).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/schemasInternals.h>
#include <libxml/xmlschemastypes.h>

#include "dossier_patterns.h"
#include "grow.h"

#define RNG_NS	"http://relaxng.org/ns/structure/1.0"
#define XSD_LIB "http://www.w3.org/2001/XMLSchema-datatypes"

/* How far a define of attributes may be referenced from another. */
#define NEST_MAX 8

/* A pattern, compiled as the validator compiles it for every value. */
struct pattern {
	const xmlChar *define; /* the <define> holding it (schema's) */
	xmlChar *source;
	xmlSchemaFacetPtr facet;
};

/* A place a pattern applies: an attribute of an element, or its text. */
struct place {
	xmlChar *element;
	xmlChar *attribute; /* NULL: the element's text */
	size_t pattern;
};

struct dossier_patterns {
	xmlSchemaTypePtr token;
	struct pattern *patterns;
	size_t npatterns, patterns_cap;
	struct place *places; /* sorted by element */
	size_t nplaces, places_cap;
};

/* ---- reading the schema ---------------------------------------------- */

static bool is_rng(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
	       (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

/* An attribute of a schema node without namespace; NULL if none. */
static const xmlChar *attr_of(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && xmlStrEqual(a->name, BAD_CAST name) &&
		    a->children != NULL)
			return a->children->content;
	return NULL;
}

/* The datatypeLibrary in force at n (inherited). */
static const xmlChar *library_of(xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const xmlChar *lib = attr_of(n, "datatypeLibrary");
		if (lib != NULL)
			return lib;
	}
	return BAD_CAST "";
}

/* The only RELAX NG child of n, or NULL when it has none or several. */
static xmlNodePtr only_child(xmlNodePtr n)
{
	xmlNodePtr only = NULL;
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (!is_rng(c, NULL))
			continue;
		if (only != NULL)
			return NULL;
		only = c;
	}
	return only;
}

/* Whether n, somewhere, makes references this table cannot follow. */
static bool has_foreign_refs(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (is_rng(n, "include") || is_rng(n, "externalRef") ||
		    is_rng(n, "parentRef") ||
		    (is_rng(n, "grammar") && n->parent != NULL &&
		     n->parent->type == XML_ELEMENT_NODE))
			return true;
		if (n->type == XML_ELEMENT_NODE &&
		    has_foreign_refs(n->children))
			return true;
	}
	return false;
}

/* The index of the first pattern of define name, or npatterns. */
static size_t first_pattern(const struct dossier_patterns *p,
			    const xmlChar *name)
{
	for (size_t i = 0; i < p->npatterns; i++)
		if (xmlStrEqual(p->patterns[i].define, name))
			return i;
	return p->npatterns;
}

/*
 * The pattern of a <param name="pattern">, compiled; false when the
 * param is not where this table follows patterns (see the header), or
 * out of memory.
 */
static bool add_pattern(struct dossier_patterns *p, xmlNodePtr param)
{
	xmlNodePtr data = param->parent, define = data->parent;
	if (!is_rng(data, "data") ||
	    !xmlStrEqual(attr_of(data, "type"), BAD_CAST "token") ||
	    !xmlStrEqual(library_of(data), BAD_CAST XSD_LIB) ||
	    !is_rng(define, "define") || attr_of(define, "name") == NULL ||
	    attr_of(define, "combine") != NULL ||
	    !is_rng(define->parent, "grammar") || only_child(define) != data)
		return false;
	if (!grow_array(&p->patterns, &p->patterns_cap, p->npatterns, 8,
			sizeof(*p->patterns)))
		return false;
	struct pattern *pat = &p->patterns[p->npatterns];
	*pat = (struct pattern){.define = attr_of(define, "name")};
	pat->source = xmlNodeGetContent(param);
	pat->facet = xmlSchemaNewFacet();
	if (pat->source == NULL || pat->facet == NULL) {
		xmlFree(pat->source);
		xmlSchemaFreeFacet(pat->facet);
		return false;
	}
	p->npatterns++;
	pat->facet->type = XML_SCHEMA_FACET_PATTERN;
	pat->facet->value = pat->source;
	return xmlSchemaCheckFacet(pat->facet, p->token, NULL,
				   BAD_CAST "token") == 0;
}

/* Every pattern parameter of the tree n, compiled; false as above. */
static bool collect_patterns(struct dossier_patterns *p, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (is_rng(n, "param") &&
		    xmlStrEqual(attr_of(n, "name"), BAD_CAST "pattern") &&
		    !add_pattern(p, n))
			return false;
		if (n->type == XML_ELEMENT_NODE &&
		    !collect_patterns(p, n->children))
			return false;
	}
	return true;
}

/* The patterns of define first.. apply at (element, attribute). */
static bool add_places(struct dossier_patterns *p, const xmlChar *element,
		       const xmlChar *attribute, size_t first)
{
	for (size_t i = first;
	     i < p->npatterns &&
	     xmlStrEqual(p->patterns[i].define, p->patterns[first].define);
	     i++) {
		if (!grow_array(&p->places, &p->places_cap, p->nplaces, 16,
				sizeof(*p->places)))
			return false;
		struct place *pl = &p->places[p->nplaces];
		pl->element = xmlStrdup(element);
		pl->attribute = attribute != NULL ? xmlStrdup(attribute) : NULL;
		pl->pattern = i;
		if (pl->element == NULL ||
		    (attribute != NULL && pl->attribute == NULL)) {
			xmlFree(pl->element);
			xmlFree(pl->attribute);
			return false;
		}
		p->nplaces++;
	}
	return true;
}

static bool find_owners(struct dossier_patterns *p, xmlNodePtr grammar,
			xmlNodePtr from, const xmlChar *attribute, size_t first,
			int depth);

/* Every <ref name> to the define name in the tree n: owners found from
 * each. */
static bool owners_of_refs(struct dossier_patterns *p, xmlNodePtr grammar,
			   xmlNodePtr n, const xmlChar *name,
			   const xmlChar *attribute, size_t first, int depth)
{
	for (; n != NULL; n = n->next) {
		if (is_rng(n, "ref") && xmlStrEqual(attr_of(n, "name"), name) &&
		    !find_owners(p, grammar, n->parent, attribute, first,
				 depth + 1))
			return false;
		if (n->type == XML_ELEMENT_NODE &&
		    !owners_of_refs(p, grammar, n->children, name, attribute,
				    first, depth))
			return false;
	}
	return true;
}

/*
 * The elements an attribute belongs to, going up from its parent from:
 * through the patterns that only combine (group, optional, choice…) to
 * an <element name>, or through a <define> to wherever it is referenced.
 */
static bool find_owners(struct dossier_patterns *p, xmlNodePtr grammar,
			xmlNodePtr from, const xmlChar *attribute, size_t first,
			int depth)
{
	static const char *const combining[] = {"group",      "optional",
						"zeroOrMore", "oneOrMore",
						"interleave", "choice"};
	if (depth > NEST_MAX)
		return false;
	for (xmlNodePtr n = from; n != NULL; n = n->parent) {
		bool combines = false;
		for (size_t i = 0; i < sizeof(combining) / sizeof(*combining);
		     i++)
			combines = combines || is_rng(n, combining[i]);
		if (combines)
			continue;
		if (is_rng(n, "element") && attr_of(n, "name") != NULL &&
		    attr_of(n, "ns") == NULL)
			return add_places(p, attr_of(n, "name"), attribute,
					  first);
		if (is_rng(n, "define") && attr_of(n, "name") != NULL &&
		    n->parent == grammar)
			return owners_of_refs(p, grammar, grammar->children,
					      attr_of(n, "name"), attribute,
					      first, depth);
		return false;
	}
	return false;
}

/*
 * Where each reference to a pattern's define puts it: the whole content
 * of an <attribute name> or an <element name>.  false for a reference
 * anywhere else.
 */
static bool collect_places(struct dossier_patterns *p, xmlNodePtr grammar,
			   xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		size_t first = is_rng(n, "ref")
				   ? first_pattern(p, attr_of(n, "name"))
				   : p->npatterns;
		if (first < p->npatterns) {
			xmlNodePtr owner = n->parent;
			const xmlChar *name = attr_of(owner, "name");
			if (only_child(owner) != n || name == NULL ||
			    attr_of(owner, "ns") != NULL)
				return false;
			bool ok = is_rng(owner, "attribute")
				      ? find_owners(p, grammar, owner->parent,
						    name, first, 0)
				  : is_rng(owner, "element")
				      ? add_places(p, name, NULL, first)
				      : false;
			if (!ok)
				return false;
		}
		if (n->type == XML_ELEMENT_NODE &&
		    !collect_places(p, grammar, n->children))
			return false;
	}
	return true;
}

/* The copy of the tree n with every pattern parameter taken out. */
static void strip_patterns(xmlNodePtr n)
{
	while (n != NULL) {
		xmlNodePtr next = n->next;
		if (is_rng(n, "param") &&
		    xmlStrEqual(attr_of(n, "name"), BAD_CAST "pattern")) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		} else if (n->type == XML_ELEMENT_NODE) {
			strip_patterns(n->children);
		}
		n = next;
	}
}

static int place_cmp(const void *a, const void *b)
{
	const struct place *x = a, *y = b;
	return strcmp((const char *)x->element, (const char *)y->element);
}

struct dossier_patterns *dossier_patterns_new(xmlDocPtr rng,
					      xmlDocPtr *stripped)
{
	*stripped = NULL;
	xmlNodePtr grammar = xmlDocGetRootElement(rng);
	struct dossier_patterns *p = calloc(1, sizeof(*p));
	if (p == NULL || !is_rng(grammar, "grammar") ||
	    has_foreign_refs(grammar->children) ||
	    (p->token = xmlSchemaGetPredefinedType(
		 BAD_CAST "token",
		 BAD_CAST "http://www.w3.org/2001/XMLSchema")) == NULL ||
	    !collect_patterns(p, grammar->children) || p->npatterns == 0 ||
	    !collect_places(p, grammar, grammar->children) ||
	    (*stripped = xmlCopyDoc(rng, 1)) == NULL) {
		dossier_patterns_free(p);
		return NULL;
	}
	strip_patterns(xmlDocGetRootElement(*stripped));
	qsort(p->places, p->nplaces, sizeof(*p->places), place_cmp);
	return p;
}

void dossier_patterns_free(struct dossier_patterns *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->npatterns; i++) {
		xmlSchemaFreeFacet(p->patterns[i].facet);
		xmlFree(p->patterns[i].source);
	}
	for (size_t i = 0; i < p->nplaces; i++) {
		xmlFree(p->places[i].element);
		xmlFree(p->places[i].attribute);
	}
	free(p->patterns);
	free(p->places);
	free(p);
}

/* ---- checking a dossier ---------------------------------------------- */

/* What the validator does with a token and a pattern, less compiling it. */
static bool matches(const struct dossier_patterns *p, const struct pattern *pat,
		    const xmlChar *value, xmlNodePtr node)
{
	xmlSchemaValPtr v = NULL;
	bool ok = xmlSchemaValPredefTypeNode(p->token, value, &v, node) == 0 &&
		  xmlSchemaValidateFacet(p->token, pat->facet, value, v) == 0;
	xmlSchemaFreeValue(v);
	return ok;
}

/* The text of a data element: its one text child, "" for none; NULL
 * when it holds anything else, which the table does not judge. */
static const xmlChar *text_of(xmlNodePtr elem)
{
	xmlNodePtr c = elem->children;
	if (c == NULL)
		return BAD_CAST "";
	if (c->next != NULL ||
	    (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE))
		return NULL;
	return c->content != NULL ? c->content : BAD_CAST "";
}

/* Every place of elem's name holds. */
static bool element_holds(const struct dossier_patterns *p, xmlNodePtr elem)
{
	struct place key = {.element = (xmlChar *)elem->name};
	const struct place *pl =
	    bsearch(&key, p->places, p->nplaces, sizeof(*p->places), place_cmp);
	if (pl == NULL)
		return true;
	while (pl > p->places && xmlStrEqual(pl[-1].element, elem->name))
		pl--;
	for (; pl < p->places + p->nplaces &&
	       xmlStrEqual(pl->element, elem->name);
	     pl++) {
		const struct pattern *pat = &p->patterns[pl->pattern];
		if (pl->attribute == NULL) {
			const xmlChar *text = text_of(elem);
			if (text == NULL || !matches(p, pat, text, elem))
				return false;
			continue;
		}
		xmlAttrPtr a = xmlHasNsProp(elem, pl->attribute, NULL);
		if (a == NULL)
			continue; /* absent: the structure's business */
		xmlChar *value =
		    xmlNodeListGetString(elem->doc, a->children, 1);
		bool ok = value != NULL && matches(p, pat, value, elem);
		xmlFree(value);
		if (!ok)
			return false;
	}
	return true;
}

bool dossier_patterns_hold(const struct dossier_patterns *p, xmlDocPtr doc)
{
	xmlNodePtr n = xmlDocGetRootElement(doc);
	/* Every element, in document order, without recursion. */
	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			if (n->ns != NULL || !element_holds(p, n))
				return false;
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
		}
		while (n != NULL && n->next == NULL)
			n = n->parent != NULL &&
				    n->parent->type == XML_ELEMENT_NODE
				? n->parent
				: NULL;
		if (n != NULL)
			n = n->next;
	}
	return true;
}
