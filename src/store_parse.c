/* store_parse.c: reading a samesong-session/1 file with SQLite's JSON functions,
 * checking every field and naming the first bad one. */
#include "method.h"
#include "pitch.h"
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FORMAT_ID "samesong-session/1"
#define MAX_FIELDS 24

struct parser {
    sqlite3 *db;        /* an in-memory connection: only the JSON functions are used */
    const char *json;
    size_t len;
    char *err;
    size_t errlen;
    struct session *out;
};

/* What one member of an object must be. */
struct field {
    const char *name;
    const char *type;   /* json_type's name: "text", "array", "integer"; "boolean" for true
                         * or false, "number" for an integer or a real */
    bool required;
};

/* The members of one object, matched to its fields; NULL where absent or null. */
struct object {
    char *path;         /* "inputs[3]" or "" for the top level */
    char *values[MAX_FIELDS];
};

typedef int (*object_fn)(struct parser *p, const struct object *obj);

static int fail(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct parser *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err, p->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* Untrusted text quoted in a message: made safe for the terminal and shortened. */
static char *quoted(const char *s)
{
    char *safe = text_sanitize(s, false);
    if (text_chars(safe) > 60) {
        size_t cut = 0, chars = 0;
        for (; safe[cut]; cut++) {
            if (((unsigned char)safe[cut] & 0xC0) == 0x80)
                continue;
            if (chars++ == 57)
                break;
        }
        strcpy(safe + cut, "..."); /* more than 60 characters follow, so it fits */
    }
    char *q = xasprintf("\"%s\"", safe);
    free(safe);
    return q;
}

static char *field_path(const struct object *obj, const char *name)
{
    return *obj->path ? xasprintf("%s.%s", obj->path, name) : xstrdup(name);
}

static const char *type_name(const char *json_type)
{
    if (!strcmp(json_type, "text"))
        return "a string";
    if (!strcmp(json_type, "true") || !strcmp(json_type, "false") || !strcmp(json_type, "boolean"))
        return "a boolean";
    if (!strcmp(json_type, "integer") || !strcmp(json_type, "real") ||
        !strcmp(json_type, "number"))
        return "a number";
    if (!strcmp(json_type, "array"))
        return "an array";
    if (!strcmp(json_type, "object"))
        return "an object";
    return json_type;
}

static bool type_matches(const char *want, const char *got)
{
    if (!strcmp(want, "boolean"))
        return !strcmp(got, "true") || !strcmp(got, "false");
    if (!strcmp(want, "number"))
        return !strcmp(got, "integer") || !strcmp(got, "real");
    return !strcmp(want, got);
}

/* A member's name that can be shown as it is: short, ASCII letters, digits, _ and -. */
static bool plain_name(const char *key)
{
    size_t n = 0;
    for (; key[n]; n++)
        if (!((key[n] >= 'a' && key[n] <= 'z') || (key[n] >= 'A' && key[n] <= 'Z') ||
              (key[n] >= '0' && key[n] <= '9') || key[n] == '_' || key[n] == '-'))
            return false;
    return n > 0 && n <= 40;
}

/* Files one member into obj, checking name, type and repetition. */
static int take_member(struct parser *p, struct object *obj, const struct field *fields,
                       size_t count, bool *seen, const char *key, const char *type,
                       const char *value)
{
    int rc = 0;
    size_t i = 0;
    while (i < count && strcmp(fields[i].name, key) != 0)
        i++;
    /* a name that is none of ours is the file's text: unless it is a plain word, it is
     * quoted, made safe and shortened in the message, as any text from the file */
    char *shown = i < count || plain_name(key) ? NULL : quoted(key);
    char *path = field_path(obj, shown ? shown : key);
    free(shown);
    if (i == count)
        rc = fail(p, "%s: unknown field", path);
    else if (seen[i])
        rc = fail(p, "%s: given twice", path);
    else if (strcmp(type, "null") != 0 && !type_matches(fields[i].type, type))
        rc = fail(p, "%s: expected %s, found %s", path,
                  !strcmp(fields[i].type, "integer") ? "a whole number"
                                                     : type_name(fields[i].type),
                  type_name(type));
    else if (strcmp(type, "null") != 0)
        obj->values[i] = xstrdup(value);
    if (i < count)
        seen[i] = true;
    free(path);
    return rc;
}

static int finish_object(struct parser *p, struct object *obj, const struct field *fields,
                         size_t count, object_fn fn)
{
    for (size_t i = 0; i < count; i++)
        if (fields[i].required && !obj->values[i])
            return *obj->path ? fail(p, "%s: missing \"%s\"", obj->path, fields[i].name)
                              : fail(p, "missing \"%s\"", fields[i].name);
    return fn(p, obj);
}

static void clear_object(struct object *obj)
{
    free(obj->path);
    for (size_t i = 0; i < MAX_FIELDS; i++)
        free(obj->values[i]);
    memset(obj, 0, sizeof *obj);
}

/* Runs sql, whose rows are (element index, element type, member key, member
 * type, member value) ordered by element, and hands each element to fn. */
static int read_objects(struct parser *p, const char *sql, const char *array,
                        const struct field *fields, size_t count, object_fn fn)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(p->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return fail(p, "cannot read JSON: %s", sqlite3_errmsg(p->db));
    char *path = array ? xasprintf("$.%s", array) : NULL;
    sqlite3_bind_text(stmt, 1, p->json, (int)p->len, SQLITE_STATIC);
    if (path)
        sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC);

    struct object obj = {0};
    bool seen[MAX_FIELDS] = {0};
    int64_t current = -1;
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        int64_t index = sqlite3_column_int64(stmt, 0);
        if (index != current) {
            if (current >= 0)
                rc = finish_object(p, &obj, fields, count, fn);
            clear_object(&obj);
            memset(seen, 0, sizeof seen);
            current = index;
            obj.path = array ? xasprintf("%s[%lld]", array, (long long)index) : xstrdup("");
            const char *type = (const char *)sqlite3_column_text(stmt, 1);
            if (rc == 0 && strcmp(type, "object") != 0)
                rc = fail(p, "%s: expected an object, found %s", array ? obj.path : "the file",
                          type_name(type));
        }
        if (rc == 0 && sqlite3_column_type(stmt, 2) != SQLITE_NULL)
            rc = take_member(p, &obj, fields, count, seen,
                             (const char *)sqlite3_column_text(stmt, 2),
                             (const char *)sqlite3_column_text(stmt, 3),
                             (const char *)sqlite3_column_text(stmt, 4));
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = fail(p, "cannot read JSON: %s", sqlite3_errmsg(p->db));
    if (rc == 0 && current < 0 && !array)
        obj.path = xstrdup(""); /* an empty top-level object still lacks its required fields */
    if (rc == 0 && (current >= 0 || !array))
        rc = finish_object(p, &obj, fields, count, fn);
    clear_object(&obj);
    sqlite3_finalize(stmt);
    free(path);
    return rc;
}

static const char array_sql[] =
    "SELECT e.key, e.type, m.key, m.type, m.value FROM json_each(?1, ?2) e"
    " LEFT JOIN json_each(CASE WHEN e.type = 'object' THEN e.value END) m ORDER BY e.id, m.id";
static const char root_sql[] =
    "SELECT 0, json_type(?1), key, type, value FROM json_each(?1) ORDER BY id";

/* The element type of a top-level array, NULL when absent. */
static int check_array(struct parser *p, const char *name)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(p->db, "SELECT json_type(?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
        return fail(p, "cannot read JSON: %s", sqlite3_errmsg(p->db));
    char *path = xasprintf("$.%s", name);
    sqlite3_bind_text(stmt, 1, p->json, (int)p->len, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC);
    int rc = 0;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
        const char *type = (const char *)sqlite3_column_text(stmt, 0);
        if (strcmp(type, "array") != 0 && strcmp(type, "null") != 0)
            rc = fail(p, "%s: expected an array, found %s", name, type_name(type));
    }
    sqlite3_finalize(stmt);
    free(path);
    return rc;
}

/* Checks a text value against a rule; on success *out owns the trimmed copy. */
static int take_text(struct parser *p, const struct object *obj, const char *name,
                     const char *value, const struct text_rule *rule, char **out)
{
    char why[160];
    *out = text_validate(value, rule, why, sizeof why);
    if (*out)
        return 0;
    char *path = field_path(obj, name);
    fail(p, "%s: %s", path, why);
    free(path);
    return -1;
}

static int take_step(struct parser *p, const struct object *obj, const char *value, enum step *out)
{
    int step = step_from_id(value);
    if (step >= 0) {
        *out = (enum step)step;
        return 0;
    }
    char *q = quoted(value);
    fail(p, "%s.step: %s is not a step; steps are " STEP_LIST, obj->path, q);
    free(q);
    return -1;
}

static int take_participant(struct parser *p, const struct object *obj, const char *value,
                            size_t *out)
{
    int who = session_find_participant(p->out, value);
    if (who >= 0) {
        *out = (size_t)who;
        return 0;
    }
    char *q = quoted(value);
    fail(p, "%s.participant: %s is not in participants", obj->path, q);
    free(q);
    return -1;
}

enum { P_NAME, P_ROLE };
static const struct field participant_fields[] = {
    {"name", "text", true},
    {"role", "text", true},
};

static int on_participant(struct parser *p, const struct object *obj)
{
    char *name;
    if (take_text(p, obj, "name", obj->values[P_NAME], &TEXT_NAME, &name) < 0)
        return -1;
    int role = role_from_id(obj->values[P_ROLE]);
    int rc = 0;
    char *q = NULL;
    if (role < 0) {
        q = quoted(obj->values[P_ROLE]);
        rc = fail(p, "%s.role: %s is not a role; roles are " ROLE_LIST, obj->path, q);
    } else if (session_find_participant(p->out, name) >= 0) {
        q = quoted(name);
        rc = fail(p, "%s.name: %s is listed twice", obj->path, q);
    }
    free(q);
    if (rc < 0) {
        free(name);
        return -1;
    }
    struct session *s = p->out;
    struct participant *pa =
        array_push(&s->participants, &s->participant_count, &s->participant_cap, sizeof *pa);
    pa->name = name;
    pa->role = (enum role)role;
    return 0;
}

enum { I_PARTICIPANT, I_STEP, I_TEXT, I_GROUP };
static const struct field input_fields[] = {
    {"participant", "text", true},
    {"step", "text", true},
    {"text", "text", true},
    {"group", "text", false},
};

static int on_input(struct parser *p, const struct object *obj)
{
    struct input in = {0};
    if (take_participant(p, obj, obj->values[I_PARTICIPANT], &in.participant) < 0 ||
        take_step(p, obj, obj->values[I_STEP], &in.step) < 0 ||
        take_text(p, obj, "text", obj->values[I_TEXT], &TEXT_ANSWER, &in.text) < 0)
        return -1;
    if (obj->values[I_GROUP] &&
        take_text(p, obj, "group", obj->values[I_GROUP], &TEXT_NAME, &in.group) < 0) {
        free(in.text);
        return -1;
    }
    struct session *s = p->out;
    *(struct input *)array_push(&s->inputs, &s->input_count, &s->input_cap, sizeof in) = in;
    return 0;
}

/* Reads a ranking array's labels into v, refusing repeats. */
static int take_ranking(struct parser *p, const struct object *obj, const char *json,
                        struct vote *v)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(p->db, "SELECT key, type, value FROM json_each(?) ORDER BY id", -1,
                           &stmt, NULL) != SQLITE_OK)
        return fail(p, "cannot read JSON: %s", sqlite3_errmsg(p->db));
    sqlite3_bind_text(stmt, 1, json, -1, SQLITE_STATIC);
    int rc = 0;
    while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
        long long index = sqlite3_column_int64(stmt, 0);
        const char *type = (const char *)sqlite3_column_text(stmt, 1);
        char *path = xasprintf("%s.ranking[%lld]", obj->path, index);
        char why[160], *label = NULL;
        if (strcmp(type, "text") != 0) {
            rc = fail(p, "%s: expected a string, found %s", path, type_name(type));
        } else if (!(label = text_validate((const char *)sqlite3_column_text(stmt, 2), &TEXT_NAME,
                                           why, sizeof why))) {
            rc = fail(p, "%s: %s", path, why);
        } else {
            for (size_t i = 0; i < v->ranking_count && rc == 0; i++)
                if (strcmp(v->ranking[i], label) == 0) {
                    char *q = quoted(label);
                    rc = fail(p, "%s: %s is listed twice", path, q);
                    free(q);
                }
        }
        if (rc == 0) {
            v->ranking = xrealloc(v->ranking, (v->ranking_count + 1) * sizeof *v->ranking);
            v->ranking[v->ranking_count++] = label;
        } else {
            free(label);
        }
        free(path);
    }
    sqlite3_finalize(stmt);
    if (rc == 0 && v->ranking_count == 0)
        rc = fail(p, "%s.ranking: empty; a vote ranks at least one group", obj->path);
    return rc;
}

enum { V_PARTICIPANT, V_STEP, V_RANKING };
static const struct field vote_fields[] = {
    {"participant", "text", true},
    {"step", "text", true},
    {"ranking", "array", true},
};

static void vote_free(struct vote *v)
{
    for (size_t i = 0; i < v->ranking_count; i++)
        free(v->ranking[i]);
    free(v->ranking);
}

static int on_vote(struct parser *p, const struct object *obj)
{
    struct vote v = {0};
    struct session *s = p->out;
    if (take_participant(p, obj, obj->values[V_PARTICIPANT], &v.participant) < 0 ||
        take_step(p, obj, obj->values[V_STEP], &v.step) < 0)
        return -1;
    for (size_t i = 0; i < s->vote_count; i++)
        if (s->votes[i].participant == v.participant && s->votes[i].step == v.step) {
            char *q = quoted(s->participants[v.participant].name);
            fail(p, "%s: %s has two votes for %s", obj->path, q, session_steps[v.step].id);
            free(q);
            return -1;
        }
    if (take_ranking(p, obj, obj->values[V_RANKING], &v) < 0) {
        vote_free(&v);
        return -1;
    }
    *(struct vote *)array_push(&s->votes, &s->vote_count, &s->vote_cap, sizeof v) = v;
    return 0;
}

/* A closed round's ranking: as a vote, with its round. */
enum { R_PARTICIPANT, R_STEP, R_ROUND, R_RANKING };
static const struct field round_fields[] = {
    {"participant", "text", true},
    {"step", "text", true},
    {"round", "integer", true},
    {"ranking", "array", true},
};

#define MAX_ROUND 1000 /* more rounds than any room sits through */

static int on_round(struct parser *p, const struct object *obj)
{
    struct vote v = {0};
    struct session *s = p->out;
    if (take_participant(p, obj, obj->values[R_PARTICIPANT], &v.participant) < 0 ||
        take_step(p, obj, obj->values[R_STEP], &v.step) < 0)
        return -1;
    char *end;
    long round = strtol(obj->values[R_ROUND], &end, 10);
    if (*end || round < 1 || round > MAX_ROUND)
        return fail(p, "%s.round: %s is not a round; rounds are numbered from 1 to %d", obj->path,
                    obj->values[R_ROUND], MAX_ROUND);
    v.round = (int)round;
    for (size_t i = 0; i < s->round_count; i++)
        if (s->rounds[i].participant == v.participant && s->rounds[i].step == v.step &&
            s->rounds[i].round == v.round) {
            char *q = quoted(s->participants[v.participant].name);
            fail(p, "%s: %s has two rankings in round %d of %s", obj->path, q, v.round,
                 session_steps[v.step].id);
            free(q);
            return -1;
        }
    if (take_ranking(p, obj, obj->values[R_RANKING], &v) < 0) {
        vote_free(&v);
        return -1;
    }
    *(struct vote *)array_push(&s->rounds, &s->round_count, &s->round_cap, sizeof v) = v;
    return 0;
}

enum { D_STEP, D_TEXT, D_WHY };
static const struct field decision_fields[] = {
    {"step", "text", true},
    {"text", "text", true},
    {"why", "text", false},
};

static int on_decision(struct parser *p, const struct object *obj)
{
    enum step step;
    char *text;
    if (take_step(p, obj, obj->values[D_STEP], &step) < 0)
        return -1;
    if (p->out->decisions[step])
        return fail(p, "%s.step: %s has two decisions", obj->path, session_steps[step].id);
    if (take_text(p, obj, "text", obj->values[D_TEXT], &TEXT_DECISION, &text) < 0)
        return -1;
    p->out->decisions[step] = text;
    if (obj->values[D_WHY] &&
        take_text(p, obj, "why", obj->values[D_WHY], &TEXT_ANSWER, &p->out->rationale[step]) < 0)
        return -1;
    return 0;
}

enum { L_STEP, L_ITEM, L_BUILDS_ON };
static const struct field link_fields[] = {
    {"step", "text", true},
    {"item", "text", true},
    {"builds_on", "text", true},
};

static int on_link(struct parser *p, const struct object *obj)
{
    struct session *s = p->out;
    enum step step;
    if (take_step(p, obj, obj->values[L_STEP], &step) < 0)
        return -1;
    if (method_builds_on(step) == STEP_COUNT)
        return fail(p, "%s.step: the alternatives build on no other step; links go from "
                       "capabilities, value, customers, category", obj->path);
    struct decision_link l = {.step = step};
    if (take_text(p, obj, "item", obj->values[L_ITEM], &TEXT_ANSWER, &l.item) < 0 ||
        take_text(p, obj, "builds_on", obj->values[L_BUILDS_ON], &TEXT_ANSWER, &l.target) < 0) {
        free(l.item);
        return -1;
    }
    *(struct decision_link *)array_push(&s->links, &s->link_count, &s->link_cap, sizeof l) = l;
    return 0;
}

enum { P_ITEM, P_KIND, P_TEXT };
static const struct field proof_fields[] = {
    {"item", "text", true},
    {"kind", "text", true},
    {"text", "text", true},
};

static int on_proof(struct parser *p, const struct object *obj)
{
    struct session *s = p->out;
    int kind = method_proof_kind_from_id(obj->values[P_KIND]);
    if (kind < 0) {
        char *q = quoted(obj->values[P_KIND]);
        fail(p, "%s.kind: %s is not a kind of proof; kinds are quote, number, case", obj->path,
             q);
        free(q);
        return -1;
    }
    struct proof pr = {.kind = (enum proof_kind)kind};
    if (take_text(p, obj, "item", obj->values[P_ITEM], &TEXT_ANSWER, &pr.item) < 0 ||
        take_text(p, obj, "text", obj->values[P_TEXT], &TEXT_ANSWER, &pr.text) < 0) {
        free(pr.item);
        return -1;
    }
    *(struct proof *)array_push(&s->proofs, &s->proof_count, &s->proof_cap, sizeof pr) = pr;
    return 0;
}

enum { X_STEP, X_WHO, X_WHAT };
static const struct field dissent_fields[] = {
    {"step", "text", true},
    {"who", "text", true},
    {"what", "text", true},
};

static int on_dissent(struct parser *p, const struct object *obj)
{
    struct session *s = p->out;
    struct dissent d;
    if (take_step(p, obj, obj->values[X_STEP], &d.step) < 0)
        return -1;
    d.what = NULL;
    if (take_text(p, obj, "who", obj->values[X_WHO], &TEXT_NAME, &d.who) < 0 ||
        take_text(p, obj, "what", obj->values[X_WHAT], &TEXT_ANSWER, &d.what) < 0) {
        free(d.who);
        return -1;
    }
    *(struct dissent *)array_push(&s->dissents, &s->dissent_count, &s->dissent_cap,
                                  sizeof d) = d;
    return 0;
}

enum { S_SECTION, S_TEXT };
static const struct field pitch_fields[] = {
    {"section", "text", true},
    {"text", "text", true},
};

/* A written section of the pitch, once each; a section left out is a draft. */
static int on_pitch(struct parser *p, const struct object *obj)
{
    struct session *s = p->out;
    int section = pitch_section_from_id(obj->values[S_SECTION]);
    if (section < 0) {
        char *q = quoted(obj->values[S_SECTION]);
        fail(p, "%s.section: %s is not a section of the pitch; sections are insight, "
                "alternatives, perfect-world, product, value, objections, ask", obj->path, q);
        free(q);
        return -1;
    }
    if (s->pitch[section])
        return fail(p, "%s.section: %s is written twice", obj->path, pitch_section_ids[section]);
    const char *text = obj->values[S_TEXT];
    if (!text[strspn(text, " \t\r\n")])
        return fail(p, "%s.text: empty; leave the section out and it shows its draft",
                    obj->path);
    return take_text(p, obj, "text", text, &TEXT_NARRATIVE, &s->pitch[section]);
}

enum { O_PARTICIPANT, O_TEXT };
static const struct field objection_fields[] = {
    {"participant", "text", true},
    {"text", "text", true},
};

/* An objection a participant hears, one line, in the file's order. */
static int on_objection(struct parser *p, const struct object *obj)
{
    struct session *s = p->out;
    struct objection o = {0};
    if (take_participant(p, obj, obj->values[O_PARTICIPANT], &o.participant) < 0 ||
        take_text(p, obj, "text", obj->values[O_TEXT], &TEXT_ANSWER, &o.text) < 0)
        return -1;
    *(struct objection *)array_push(&s->objections, &s->objection_count, &s->objection_cap,
                                    sizeof o) = o;
    return 0;
}

enum { C_GROUP, C_TAG };
static const struct field tag_fields[] = {
    {"group", "text", true},
    {"tag", "text", true},
};

static int on_tag(struct parser *p, const struct object *obj)
{
    struct session *s = p->out;
    const char *tag = obj->values[C_TAG];
    if (strcmp(tag, "today") && strcmp(tag, "roadmap") && strcmp(tag, "not planned")) {
        char *q = quoted(tag);
        fail(p, "%s.tag: %s is not a tag; tags are today, roadmap, not planned", obj->path, q);
        free(q);
        return -1;
    }
    char *group;
    if (take_text(p, obj, "group", obj->values[C_GROUP], &TEXT_NAME, &group) < 0)
        return -1;
    for (size_t i = 0; i < s->tag_count; i++)
        if (!strcmp(s->tags[i].group, group)) {
            char *q = quoted(group);
            fail(p, "%s.group: %s is tagged twice", obj->path, q);
            free(q);
            free(group);
            return -1;
        }
    struct capability_tag *t = array_push(&s->tags, &s->tag_count, &s->tag_cap, sizeof *t);
    t->group = group;
    t->tag = xstrdup(tag);
    return 0;
}

enum { I_ITEM, I_TAG };
static const struct field item_tag_fields[] = {
    {"item", "text", true},
    {"tag", "text", true},
};

/* A tag of an item of the capabilities decision (checked against it in
 * check_chain, once the decisions are read). */
static int on_item_tag(struct parser *p, const struct object *obj)
{
    struct session *s = p->out;
    const char *tag = obj->values[I_TAG];
    if (method_tag_index(tag) < 0) {
        char *q = quoted(tag);
        fail(p, "%s.tag: %s is not a tag; tags are today, roadmap, not planned", obj->path, q);
        free(q);
        return -1;
    }
    char *item;
    if (take_text(p, obj, "item", obj->values[I_ITEM], &TEXT_ANSWER, &item) < 0)
        return -1;
    for (size_t i = 0; i < s->item_tag_count; i++)
        if (method_same_item(s->item_tags[i].item, item)) {
            char *q = quoted(item);
            fail(p, "%s.item: %s is tagged twice", obj->path, q);
            free(q);
            free(item);
            return -1;
        }
    struct item_tag *t =
        array_push(&s->item_tags, &s->item_tag_count, &s->item_tag_cap, sizeof *t);
    t->item = item;
    t->tag = xstrdup(tag);
    return 0;
}

enum { T_FORMAT, T_NAME, T_PRODUCT, T_MODE, T_PARTICIPANTS, T_INPUTS, T_VOTES, T_DECISIONS,
       T_NARRATIVE, T_LOCKED, T_TAGS, T_DIGEST, T_LINKS, T_PROOFS, T_DISSENT, T_CHAMPION,
       T_CHAMPION_WHY, T_STYLE, T_STYLE_WHY, T_ROUNDS, T_CONSENSUS, T_PITCH, T_OBJECTIONS,
       T_ITEM_TAGS };
static const struct field top_fields[] = {
    {"format", "text", true},     {"name", "text", true},       {"product", "text", false},
    {"mode", "text", false},      {"participants", "array", false},
    {"inputs", "array", false},   {"votes", "array", false},    {"decisions", "array", false},
    {"narrative", "text", false}, {"locked", "boolean", false},
    {"capability_tags", "array", false}, {"lock_digest", "text", false},
    {"links", "array", false},    {"proofs", "array", false},   {"dissent", "array", false},
    {"champion", "text", false},  {"champion_why", "text", false},
    {"positioning_style", "text", false}, {"positioning_why", "text", false},
    {"rounds", "array", false},   {"consensus_threshold", "number", false},
    {"pitch", "array", false},    {"objections", "array", false},
    {"item_tags", "array", false},
};

/* The W the room calls consensus: above 0, at most 1, in hundredths as stored. */
static int take_consensus(struct parser *p, const char *value)
{
    char *end;
    double x = strtod(value, &end);
    double hundredths = x * 100.0;
    if (*end || !(x > 0.0 && x <= 1.0) || fabs(hundredths - round(hundredths)) > 1e-6)
        return fail(p, "consensus_threshold: %s is not a Kendall's W from 0.01 to 1 in "
                       "hundredths", value);
    p->out->consensus = round(hundredths) / 100.0;
    return 0;
}

/* The champion and the positioning style: optional, each why only with its own. */
static int take_positioning(struct parser *p, const struct object *obj)
{
    const char *const *v = (const char *const *)obj->values;
    struct session *s = p->out;
    if (v[T_CHAMPION_WHY] && !v[T_CHAMPION])
        return fail(p, "champion_why: there is no champion to be why of");
    if (v[T_STYLE_WHY] && !v[T_STYLE])
        return fail(p, "positioning_why: there is no positioning_style to be why of");
    if (v[T_STYLE]) {
        int style = method_style_from_id(v[T_STYLE]);
        if (style < 0) {
            char *q = quoted(v[T_STYLE]);
            fail(p, "positioning_style: %s is not a style; styles are head-to-head, big-fish, "
                    "new-category", q);
            free(q);
            return -1;
        }
        s->style = (enum positioning_style)style;
    }
    if ((v[T_CHAMPION] &&
         take_text(p, obj, "champion", v[T_CHAMPION], &TEXT_NAME, &s->champion_role) < 0) ||
        (v[T_CHAMPION_WHY] &&
         take_text(p, obj, "champion_why", v[T_CHAMPION_WHY], &TEXT_ANSWER, &s->champion_why) <
             0) ||
        (v[T_STYLE_WHY] &&
         take_text(p, obj, "positioning_why", v[T_STYLE_WHY], &TEXT_ANSWER, &s->style_why) < 0))
        return -1;
    return 0;
}

static int on_top(struct parser *p, const struct object *obj)
{
    const char *const *v = (const char *const *)obj->values;
    struct session *s = p->out;
    if (strcmp(v[T_FORMAT], FORMAT_ID) != 0) {
        char *q = quoted(v[T_FORMAT]);
        fail(p, "format: expected \"" FORMAT_ID "\", found %s", q);
        free(q);
        return -1;
    }
    if (v[T_MODE] && strcmp(v[T_MODE], "workshop") != 0 && strcmp(v[T_MODE], "solo") != 0) {
        char *q = quoted(v[T_MODE]);
        fail(p, "mode: %s is not a mode; modes are workshop, solo", q);
        free(q);
        return -1;
    }
    s->solo = v[T_MODE] && strcmp(v[T_MODE], "solo") == 0;
    s->locked = v[T_LOCKED] && strcmp(v[T_LOCKED], "1") == 0;
    if (v[T_DIGEST] && !s->locked)
        return fail(p, "lock_digest: only a locked session has one");
    if (v[T_DIGEST] && !store_digest_valid(v[T_DIGEST]))
        return fail(p, "lock_digest: expected \"sha256:\" and 64 hex digits");
    s->lock_digest = v[T_DIGEST] ? xstrdup(v[T_DIGEST]) : NULL;
    if (v[T_CONSENSUS] && take_consensus(p, v[T_CONSENSUS]) < 0)
        return -1;
    if (take_text(p, obj, "name", v[T_NAME], &TEXT_NAME, &s->name) < 0 ||
        take_text(p, obj, "product", v[T_PRODUCT] ? v[T_PRODUCT] : "", &TEXT_PRODUCT,
                  &s->product) < 0 ||
        take_text(p, obj, "narrative", v[T_NARRATIVE] ? v[T_NARRATIVE] : "", &TEXT_NARRATIVE,
                  &s->narrative) < 0)
        return -1;
    return take_positioning(p, obj);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* An item a link or a proof names must be an item of its step's decision. */
static int check_item(struct parser *p, const char *path, const char *field, enum step step,
                      const char *item)
{
    if (method_find_item(p->out, step, item) >= 0)
        return 0;
    char *q = quoted(item);
    if (p->out->decisions[step])
        fail(p, "%s.%s: %s is not an item of the %s decision", path, field, q,
             session_steps[step].id);
    else
        fail(p, "%s.%s: %s is not an item: the %s step has no decision", path, field, q,
             session_steps[step].id);
    free(q);
    return -1;
}

/* Links, proof and tags name items that exist, once each; dissent is about a decision. */
static int check_chain(struct parser *p)
{
    struct session *s = p->out;
    for (size_t i = 0; i < s->link_count; i++) {
        const struct decision_link *l = &s->links[i];
        char path[32];
        snprintf(path, sizeof path, "links[%zu]", i);
        if (check_item(p, path, "item", l->step, l->item) < 0 ||
            check_item(p, path, "builds_on", method_builds_on(l->step), l->target) < 0)
            return -1;
        for (size_t j = 0; j < i; j++)
            if (s->links[j].step == l->step && method_same_item(s->links[j].item, l->item) &&
                method_same_item(s->links[j].target, l->target))
                return fail(p, "%s: the same link as links[%zu]", path, j);
    }
    for (size_t i = 0; i < s->proof_count; i++) {
        char path[32];
        snprintf(path, sizeof path, "proofs[%zu]", i);
        if (check_item(p, path, "item", STEP_VALUE, s->proofs[i].item) < 0)
            return -1;
    }
    for (size_t i = 0; i < s->item_tag_count; i++) {
        char path[32];
        snprintf(path, sizeof path, "item_tags[%zu]", i);
        if (check_item(p, path, "item", STEP_CAPABILITIES, s->item_tags[i].item) < 0)
            return -1;
    }
    for (size_t i = 0; i < s->dissent_count; i++)
        if (!s->decisions[s->dissents[i].step])
            return fail(p, "dissent[%zu].step: %s has no decision to disagree with", i,
                        session_steps[s->dissents[i].step].id);
    return 0;
}

static int check_whole(struct parser *p)
{
    struct session *s = p->out;
    if (check_chain(p) < 0)
        return -1;
    if (s->solo && s->participant_count > 1)
        return fail(p, "participants: a solo session has at most one participant, not %zu",
                    s->participant_count);
    if (s->locked)
        for (int step = 0; step < STEP_COUNT; step++)
            if (!s->decisions[step])
                return fail(p, "locked: a locked session needs a decision for every step; %s "
                               "has none", session_steps[step].id);
    return 0;
}

static int parse(struct parser *p)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(p->db, "SELECT json_valid(?1), iif(json_valid(?1), json_type(?1), NULL)",
                           -1, &stmt, NULL) != SQLITE_OK)
        return fail(p, "cannot read JSON: %s", sqlite3_errmsg(p->db));
    sqlite3_bind_text(stmt, 1, p->json, (int)p->len, SQLITE_STATIC);
    int rc = 0;
    if (sqlite3_step(stmt) != SQLITE_ROW)
        rc = fail(p, "cannot read JSON: %s", sqlite3_errmsg(p->db));
    else if (!sqlite3_column_int(stmt, 0))
        rc = fail(p, "not a session file: not valid JSON%s",
                  p->len ? " (cut short, or not JSON at all)" : " (the file is empty)");
    else if (strcmp((const char *)sqlite3_column_text(stmt, 1), "object") != 0)
        rc = fail(p, "not a session file: expected a JSON object, found %s",
                  type_name((const char *)sqlite3_column_text(stmt, 1)));
    sqlite3_finalize(stmt);
    if (rc < 0)
        return rc;
    if (read_objects(p, root_sql, NULL, top_fields, COUNT(top_fields), on_top) < 0)
        return -1;
    static const char *const arrays[] = {"participants", "inputs", "votes", "rounds",
                                         "decisions", "capability_tags", "item_tags", "links",
                                         "proofs", "dissent", "pitch", "objections"};
    static const struct field *const fields[] = {participant_fields, input_fields, vote_fields,
                                                 round_fields, decision_fields, tag_fields,
                                                 item_tag_fields, link_fields, proof_fields,
                                                 dissent_fields, pitch_fields, objection_fields};
    static const size_t counts[] = {COUNT(participant_fields), COUNT(input_fields),
                                    COUNT(vote_fields), COUNT(round_fields),
                                    COUNT(decision_fields), COUNT(tag_fields),
                                    COUNT(item_tag_fields), COUNT(link_fields),
                                    COUNT(proof_fields), COUNT(dissent_fields),
                                    COUNT(pitch_fields), COUNT(objection_fields)};
    static const object_fn handlers[] = {on_participant, on_input, on_vote, on_round,
                                         on_decision, on_tag, on_item_tag, on_link, on_proof,
                                         on_dissent, on_pitch, on_objection};
    for (size_t i = 0; i < COUNT(arrays); i++)
        if (check_array(p, arrays[i]) < 0 ||
            read_objects(p, array_sql, arrays[i], fields[i], counts[i], handlers[i]) < 0)
            return -1;
    return check_whole(p);
}

/* No field holds a longer string: the narrative's 20000 characters, each
 * written as an escaped surrogate pair (\uD83D\uDE00), take 240 KB. */
#define MAX_STRING_BYTES ((size_t)1 << 20)

/* What one pass over the raw text finds before SQLite reads any of it. */
struct scan {
    bool escaped_nul;   /* SQLite's JSON functions end a string at \u0000 without a
                         * word, which would store a cut text */
    size_t long_at;     /* where the first string over MAX_STRING_BYTES starts, */
    size_t long_bytes;  /* and its length; 0 when there is none */
};

/* Follows the strings' quotes and escapes: a string too long for any field is
 * refused by its length alone, before SQLite decodes and copies it (a 50 MB
 * answer took 10 s and 540 MB to refuse after being read whole). */
static void scan_strings(const char *json, size_t len, struct scan *out)
{
    memset(out, 0, sizeof *out);
    bool in_string = false;
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (!in_string) {
            in_string = json[i] == '"';
            start = i + 1;
        } else if (json[i] == '\\') {
            if (i + 5 < len && json[i + 1] == 'u' && memcmp(json + i + 2, "0000", 4) == 0)
                out->escaped_nul = true;
            i++; /* skip the escaped character, so \\u0000 is a backslash and text */
        } else if (json[i] == '"') {
            in_string = false;
        }
        if (in_string && !out->long_bytes && i + 1 - start > MAX_STRING_BYTES) {
            out->long_at = start;
            while (i < len && json[i] != '"') /* to its end, for the message */
                i += json[i] == '\\' ? 2 : 1;
            out->long_bytes = (i < len ? i : len) - start;
            in_string = false;
        }
    }
}

int store_parse_session_file(const char *json, size_t len, struct session *out, char *err,
                             size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) { /* a byte-order mark some editors add */
        json += 3;
        len -= 3;
    }
    struct parser p = {.json = json, .len = len, .err = err, .errlen = errlen, .out = out};
    if (len > (size_t)1 << 30) {
        snprintf(err, errlen, "file too large");
        return -1;
    }
    if (memchr(json, '\0', len)) {
        snprintf(err, errlen, "not a session file: it contains a NUL byte");
        return -1;
    }
    struct scan scan;
    scan_strings(json, len, &scan);
    if (scan.long_bytes) {
        snprintf(err, errlen, "byte %zu: a string of %zu bytes; no field holds more than %zu "
                              "characters", scan.long_at + 1, scan.long_bytes,
                 TEXT_NARRATIVE.max_chars);
        return -1;
    }
    if (scan.escaped_nul) {
        snprintf(err, errlen, "a string contains \\u0000, control character U+0000");
        return -1;
    }
    if (sqlite3_open(":memory:", &p.db) != SQLITE_OK) {
        snprintf(err, errlen, "cannot start SQLite: out of memory");
        sqlite3_close(p.db);
        return -1;
    }
    int rc = parse(&p);
    sqlite3_close(p.db);
    if (rc < 0)
        session_free(out);
    return rc;
}
