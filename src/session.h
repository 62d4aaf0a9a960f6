/* session.h: the five steps, the roles, and one session in memory (what import reads,
 * export writes and the screens show). */
#ifndef SAMESONG_SESSION_H
#define SAMESONG_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum step { STEP_ALTERNATIVES, STEP_CAPABILITIES, STEP_VALUE, STEP_CUSTOMERS, STEP_CATEGORY };
#define STEP_COUNT 5

enum role { ROLE_CEO, ROLE_MARKETING, ROLE_SALES, ROLE_PRODUCT, ROLE_SUCCESS, ROLE_OTHER };
#define ROLE_COUNT 6

/* Each step, once: its id (in the database and in files) and what one
 * answer to it is called in a sentence ("share no value theme"). The title,
 * question and guidance people read come from data/steps.json. */
struct step_info {
    const char *id;
    const char *noun;
};
extern const struct step_info session_steps[STEP_COUNT];

/* Each role, once, in every form the program writes it. */
struct role_info {
    const char *id;      /* in the database and in files: "success" */
    const char *title;   /* where a role is chosen: "CEO / founder" */
    const char *name;    /* a heading or a list: "Customer success" */
    const char *word;    /* inside a sentence: "customer success" */
    const char *people;  /* its people inside a sentence: "the CEO", "other roles" */
    const char *label;   /* a narrow column on screen: "Mktg" */
    const char *abbrev;  /* a column of plain text: "mkt" */
};
extern const struct role_info session_roles[ROLE_COUNT];
#define STEP_LIST "alternatives, capabilities, value, customers, category"
#define ROLE_LIST "ceo, marketing, sales, product, success, other"

/* The index of a step or role id, or -1 when there is none by that name. */
int step_from_id(const char *id);
int role_from_id(const char *id);
/* A role as a person types it where one is asked (setup, a walk-in): 1 to 6,
 * or the start of its id or title in any case; nothing is "other". -1 for
 * anything else. */
int role_from_typed(const char *text);
/* A role as a form or a person writes it out: any form samesong writes it in (id,
 * title, name, word, label, abbreviation: "Customer success", "CS", "ceo"), in any
 * case, or "founder". -1 for anything else. */
int role_from_any_form(const char *text);

struct participant {
    int64_t id;         /* 0 until stored */
    char *name;
    enum role role;
};

struct input {
    int64_t id;         /* 0 until stored */
    size_t participant; /* index into session.participants */
    enum step step;
    char *text;
    char *group;        /* group label, or NULL */
};

struct vote {
    size_t participant;
    enum step step;
    int round;          /* in session.rounds, the closed round it was cast in, from 1;
                         * 0 in session.votes, the current round */
    char **ranking;     /* group labels, most important first */
    size_t ranking_count;
};

/* A capability group as the product person tagged it. */
struct capability_tag {
    char *group;        /* the group's label as tagged; matched by its normalised form */
    char *tag;          /* "today", "roadmap" or "not planned" */
};

/* An item of the capabilities decision as the product person tagged it. */
struct item_tag {
    char *item;         /* the item as the decision writes it; matched by method_same_item */
    char *tag;          /* "today", "roadmap" or "not planned" */
};

/* A link from an item (a line) of a step's decision back to an item of the
 * decision it builds on (method_builds_on): the positioning chain. */
struct decision_link {
    enum step step;     /* capabilities, value, customers or category */
    char *item;         /* an item of that step's decision */
    char *target;       /* an item of the decision it builds on */
};

/* What backs a value theme: a customer's words, a number, a case. */
enum proof_kind { PROOF_QUOTE, PROOF_NUMBER, PROOF_CASE };
#define PROOF_KIND_COUNT 3
struct proof {
    char *item;         /* an item of the value decision */
    enum proof_kind kind;
    char *text;
};

/* Someone who does not agree with a decision, and what they say. */
struct dissent {
    enum step step;
    char *who;
    char *what;
};

/* How the category step positions the product. */
enum positioning_style { STYLE_NONE, STYLE_HEAD_TO_HEAD, STYLE_BIG_FISH, STYLE_NEW_CATEGORY };
#define STYLE_COUNT 4

/* The sales pitch's sections, in the method's order (pitch.h). */
enum pitch_section { PITCH_INSIGHT, PITCH_ALTERNATIVES, PITCH_PERFECT_WORLD, PITCH_PRODUCT,
                     PITCH_VALUE, PITCH_OBJECTIONS, PITCH_ASK };
#define PITCH_SECTION_COUNT 7

/* An objection a participant hears from buyers, in their own order. */
struct objection {
    int64_t id;         /* 0 until stored */
    size_t participant; /* index into session.participants */
    char *text;
};

struct session {
    int64_t id;         /* 0 until stored */
    char *slug;         /* NULL until stored */
    char *name;
    char *product;
    bool solo;
    bool locked;
    char *created_at;   /* ISO 8601 UTC, NULL until stored */
    char *locked_at;    /* NULL unless locked */
    char *lock_digest;  /* "sha256:..." once locked; in a file, what it claims */

    struct participant *participants;
    size_t participant_count, participant_cap;
    struct input *inputs;
    size_t input_count, input_cap;
    struct vote *votes;          /* the current round of each step's vote */
    size_t vote_count, vote_cap;
    struct vote *rounds;         /* the rankings of closed rounds, by step, round, participant */
    size_t round_count, round_cap;
    double consensus;            /* the Kendall's W the room calls consensus; 0 when never
                                  * set: the default (align_consensus_threshold) */

    struct capability_tag *tags;
    size_t tag_count, tag_cap;
    struct item_tag *item_tags;  /* tags of the capabilities decision's items; an item
                                  * without one takes its group's (method_capability_tag) */
    size_t item_tag_count, item_tag_cap;

    char *decisions[STEP_COUNT]; /* the room's agreed text, NULL until decided */
    char *rationale[STEP_COUNT]; /* why the room chose it, NULL when not said */

    /* The method's chain (method.h); none of it in a session made before. */
    struct decision_link *links;
    size_t link_count, link_cap;
    struct proof *proofs;
    size_t proof_count, proof_cap;
    struct dissent *dissents;
    size_t dissent_count, dissent_cap;
    char *champion_role;         /* who inside a best-fit customer carries it; NULL if none */
    char *champion_why;          /* why they care; NULL if not said */
    enum positioning_style style;
    char *style_why;             /* the style's one-line rationale; NULL if not said */

    /* The sales pitch: each section as the room wrote it, NULL while it is
     * only its draft (pitch_draft); the earlier free-text narrative stays. */
    char *pitch[PITCH_SECTION_COUNT];
    char *pitch_digest[PITCH_SECTION_COUNT]; /* its draft's SHA-256 when written; NULL if unknown */
    struct objection *objections;
    size_t objection_count, objection_cap;
    bool objections_revealed;    /* the room has seen everyone's objections */

    char *narrative;             /* never NULL once loaded or parsed */
};

/* Frees everything the session owns and zeroes it; the struct itself is the caller's. */
void session_free(struct session *s);

/* The index of the participant with that name, or -1; names are the same
 * whatever the case of their ASCII letters ("Sam" is "SAM"). */
int session_find_participant(const struct session *s, const char *name);
/* The participants' indexes into order, by role in the roles' order (CEO first), each
 * role's people as listed; returns how many (all of them). */
size_t session_people_by_role(const struct session *s, size_t *order);

/* The number participant p goes by when people are anonymous ("P3"), 1 to
 * participant_count: the rank of a SHA-256 of the session's and the
 * participant's ids, so it follows neither role, name nor the order people
 * joined or answered, and stays the same for the session. Not a secret from
 * whoever holds the database, which has the names anyway. */
int session_anonymous_number(const struct session *s, size_t p);
/* The same for everyone at once, into numbers[participant_count]: one hash each. */
void session_anonymous_numbers(const struct session *s, int *numbers);

#endif
