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
    char **ranking;     /* group labels, most important first */
    size_t ranking_count;
};

/* A capability group as the product person tagged it. */
struct capability_tag {
    char *group;        /* the group's label as tagged; matched by its normalised form */
    char *tag;          /* "today", "roadmap" or "not planned" */
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
    struct vote *votes;
    size_t vote_count, vote_cap;

    struct capability_tag *tags;
    size_t tag_count, tag_cap;

    char *decisions[STEP_COUNT]; /* the room's agreed text, NULL until decided */
    char *narrative;             /* never NULL once loaded or parsed */
};

/* Frees everything the session owns and zeroes it; the struct itself is the caller's. */
void session_free(struct session *s);

/* The index of the participant with that name, or -1; names are the same
 * whatever the case of their ASCII letters ("Sam" is "SAM"). */
int session_find_participant(const struct session *s, const char *name);

/* The number participant p goes by when people are anonymous ("P3"), 1 to
 * participant_count: the rank of a SHA-256 of the session's and the
 * participant's ids, so it follows neither role, name nor the order people
 * joined or answered, and stays the same for the session. Not a secret from
 * whoever holds the database, which has the names anyway. */
int session_anonymous_number(const struct session *s, size_t p);
/* The same for everyone at once, into numbers[participant_count]: one hash each. */
void session_anonymous_numbers(const struct session *s, int *numbers);

#endif
