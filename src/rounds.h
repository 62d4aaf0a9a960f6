/* rounds.h: the rounds of a step's vote in words: Landis and Koch's band for
 * each round's Kendall's W, how a round moved from the one before, and the
 * reading: consensus reached, still moving, or stopped moving. Pure functions
 * on align's results. */
#ifndef SAMESONG_ROUNDS_H
#define SAMESONG_ROUNDS_H

#include "align.h"

#include <stdbool.h>
#include <stddef.h>

/* The W from which the room reads as in consensus, when none was set. */
#define ROUNDS_DEFAULT_THRESHOLD 0.70
/* A change of W smaller than this (in hundredths) is no movement. */
#define ROUNDS_STILL_HUNDREDTHS 5

/* The session's threshold: the one the facilitator set, or the default. */
double rounds_threshold(const struct session *s);

/* W as every view shows it, to two decimals, in hundredths (0.745 is 75);
 * the reading compares these, so it never says 0.70 < 0.70. */
long rounds_hundredths(double w);

/* Landis and Koch's words for agreement w, as shown: "poor" below 0,
 * "slight" to 0.20, "fair" to 0.40, "moderate" to 0.60, "substantial" to
 * 0.80, "almost perfect" above; NULL when w is unknown (NAN). */
const char *rounds_band(double w);

/* The rounds the room has seen, oldest first, into out (room for
 * st->round_count + 1): the closed ones, then the current one when
 * with_current and someone ranked in it. Returns how many. */
size_t rounds_shown(const struct align_step *st, bool with_current,
                    const struct align_vote **out);

/* How a round moved from the one before it. */
struct rounds_move {
    double w_change;    /* after's W less before's, to two decimals; NAN if either is unknown */
    bool top3_changed;  /* the room's top three is another set of groups */
};
void rounds_move(const struct align_vote *before, const struct align_vote *after,
                 struct rounds_move *out);

enum rounds_verdict {
    ROUNDS_UNKNOWN,     /* the last round has no W: fewer than two rankings or groups */
    ROUNDS_SHORT,       /* below the threshold, with no round before to compare */
    ROUNDS_MOVING,      /* below; W moved by 0.05 or more, or the top three changed */
    ROUNDS_STOPPED,     /* below; W moved by less than 0.05 and the top three stayed */
    ROUNDS_CONSENSUS,   /* W at or above the threshold */
};
extern const char *const rounds_verdict_ids[5]; /* "unknown", "short", ... for JSON */

/* The reading of the last of the rounds shown (rounds_shown), in one
 * sentence into out, such as "Round 2: substantial agreement; consensus
 * reached (W 0.74 >= 0.70)."; returns its verdict. With no round shown,
 * ROUNDS_UNKNOWN and an empty sentence. */
enum rounds_verdict rounds_reading(const struct align_step *st, bool with_current,
                                   double threshold, char *out, size_t size);

#endif
