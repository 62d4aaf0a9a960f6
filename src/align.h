/* align.h: how far apart the room is, step by step: groups, pair and department
 * agreement, coverage, and the vote results. Pure functions on plain structs. */
#ifndef SAMESONG_ALIGN_H
#define SAMESONG_ALIGN_H

#include "session.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

/* Unknown numbers (too few participants or rankings) are NAN. */

/* Answers that count as one: the same normalised group label, or text. */
struct align_group {
    char *key;                  /* normalised */
    char *label;                /* the first label or text seen for it */
    size_t count;               /* participants who named it */
    size_t role_count[ROLE_COUNT];
    bool *named_by;             /* per participant of the session */
};

struct align_pair {
    size_t a, b;                /* participant indexes, a < b */
    double agreement;           /* Jaccard, 0..1 */
};

struct align_ranked {
    char *label;
    double rank_sum;
};

/* The results of one round of a step's vote. */
struct align_vote {
    int round;                  /* from 1 */
    size_t rankings;            /* m */
    size_t candidate_count;     /* n */
    struct align_ranked *order; /* room order, lowest rank sum first */
    double kendall_w;           /* NAN with fewer than two rankings or candidates */
    bool top3_all_agree;
    double top3_match_share;    /* percent of rankings whose top three is the room's */
};

struct align_step {
    enum step step;
    size_t answered;            /* participants who named at least one group */
    bool *answering;            /* per participant */
    double alignment;           /* mean pair agreement x 100, one decimal; NAN below two */
    struct align_group *groups; /* most named first, then first seen */
    size_t group_count;
    struct align_pair *pairs;   /* every pair of answering participants */
    size_t pair_count;
    double departments[ROLE_COUNT][ROLE_COUNT]; /* mean pair agreement; NAN without pairs */
    struct align_vote *vote;    /* the current round; NULL when nobody ranked in it */
    struct align_vote *rounds;  /* the closed rounds, oldest first */
    size_t round_count;
    int round;                  /* the current round's number: 1 + the last closed one's */
};

struct alignment {
    size_t participant_count;
    struct align_step steps[STEP_COUNT];
    double overall;             /* mean of the step alignments that are known */
    int weakest;                /* the step with the lowest alignment, or -1 */
};

/* Computes everything for a session. Free with alignment_free. */
void align_session(const struct session *s, struct alignment *out);
void alignment_free(struct alignment *a);

/* Named by every answering participant (when two or more answered). */
bool align_is_shared(const struct align_step *step, const struct align_group *g);
/* Named by exactly one participant (when two or more answered). */
bool align_is_lone(const struct align_step *step, const struct align_group *g);

/* The index of the group with this normalised key, or -1. */
int align_find_group(const struct align_step *step, const char *key);

/* The pair of different roles that agree least in a step (both with
 * answering members); false when fewer than two roles answered. */
bool align_least_aligned_roles(const struct align_step *step, enum role *a, enum role *b,
                               double *agreement);

/* The same over the whole session: the lowest mean, over the steps where both
 * answered, of two roles' agreement. */
bool align_session_least_aligned_roles(const struct alignment *al, enum role *a, enum role *b,
                                       double *agreement);

/* A one-line reading of the step for the room, such as "Sales and product
 * share no alternative" or "Everyone named Spreadsheets". */
void align_reading(const struct align_step *step, char *out, size_t size);
/* The same without naming a role, for when people are anonymous: "2 of 10
 * pairs of people share no alternative". */
void align_reading_anonymous(const struct align_step *step, char *out, size_t size);

/* The lowest and highest agreement of any pair in the step, and how many
 * pairs share nothing; false without pairs. */
bool align_pair_range(const struct align_step *step, double *least, double *most,
                      size_t *disjoint);

/* The capability tag ("today", "roadmap", "not planned") given to a group, or
 * NULL: tags are matched to groups by their normalised text. */
const char *align_group_tag(const struct session *s, const struct align_group *g);

/* Rounds to one decimal, as every percentage is reported. */
double align_round1(double x);

/* Whether any ranking of the step's vote names group g (false without a vote). */
bool align_group_ranked(const struct align_step *step, const struct align_group *g);
/* How many of the step's groups some ranking names: "5 of 8 groups ranked". */
size_t align_groups_ranked(const struct align_step *step);

#endif
