/* rounds.c: the rounds of a step's vote in words: each round's band, how it
 * moved from the one before, and whether the room has reached consensus. */
#include "rounds.h"
#include "similar.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const rounds_verdict_ids[5] = {"unknown", "short", "moving", "stopped", "consensus"};

double rounds_threshold(const struct session *s)
{
    return s->consensus > 0 ? s->consensus : ROUNDS_DEFAULT_THRESHOLD;
}

long rounds_hundredths(double w)
{
    return lround(w * 100.0);
}

const char *rounds_band(double w)
{
    if (isnan(w))
        return NULL;
    long h = rounds_hundredths(w);
    return h < 0 ? "poor" : h <= 20 ? "slight" : h <= 40 ? "fair" : h <= 60 ? "moderate"
         : h <= 80 ? "substantial" : "almost perfect";
}

size_t rounds_shown(const struct align_step *st, bool with_current,
                    const struct align_vote **out)
{
    size_t n = 0;
    for (size_t r = 0; r < st->round_count; r++)
        out[n++] = &st->rounds[r];
    if (with_current && st->vote)
        out[n++] = st->vote;
    return n;
}

/* The room's top three as normalised keys (caller frees each); returns how many. */
static size_t top_keys(const struct align_vote *v, char *keys[3])
{
    size_t n = v->candidate_count < 3 ? v->candidate_count : 3;
    for (size_t i = 0; i < n; i++)
        keys[i] = similar_normalize(v->order[i].label);
    return n;
}

static bool has_key(char *const *keys, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(keys[i], key))
            return true;
    return false;
}

void rounds_move(const struct align_vote *before, const struct align_vote *after,
                 struct rounds_move *out)
{
    out->w_change = isnan(before->kendall_w) || isnan(after->kendall_w)
                        ? NAN
                        : (double)(rounds_hundredths(after->kendall_w) -
                                   rounds_hundredths(before->kendall_w)) / 100.0;
    char *a[3], *b[3];
    size_t na = top_keys(before, a), nb = top_keys(after, b);
    bool same = na == nb;
    for (size_t i = 0; i < nb && same; i++)
        same = has_key(a, na, b[i]);
    out->top3_changed = !same;
    for (size_t i = 0; i < na; i++)
        free(a[i]);
    for (size_t i = 0; i < nb; i++)
        free(b[i]);
}

enum rounds_verdict rounds_reading(const struct align_step *st, bool with_current,
                                   double threshold, char *out, size_t size)
{
    const struct align_vote **shown = xcalloc(st->round_count + 1, sizeof *shown);
    size_t n = rounds_shown(st, with_current, shown);
    const struct align_vote *last = n ? shown[n - 1] : NULL, *before = n > 1 ? shown[n - 2] : NULL;
    free(shown);
    *out = '\0';
    if (!last)
        return ROUNDS_UNKNOWN;
    if (isnan(last->kendall_w)) {
        snprintf(out, size, "Round %d: no agreement to read yet (Kendall's W needs two rankings "
                            "of two groups or more).", last->round);
        return ROUNDS_UNKNOWN;
    }
    long w = rounds_hundredths(last->kendall_w), t = rounds_hundredths(threshold);
    const char *band = rounds_band(last->kendall_w);
    if (w >= t) {
        snprintf(out, size, "Round %d: %s agreement; consensus reached (W %.2f >= %.2f).",
                 last->round, band, (double)w / 100.0, (double)t / 100.0);
        return ROUNDS_CONSENSUS;
    }
    char short_of[64];
    snprintf(short_of, sizeof short_of, "short of consensus (W %.2f < %.2f)", (double)w / 100.0,
             (double)t / 100.0);
    struct rounds_move m = {NAN, false};
    if (before)
        rounds_move(before, last, &m);
    bool known = !isnan(m.w_change);
    bool still = known && labs(rounds_hundredths(m.w_change)) < ROUNDS_STILL_HUNDREDTHS;
    if (before && still && !m.top3_changed) {
        snprintf(out, size, "Round %d: %s agreement; stopped moving (W changed by less than "
                            "0.%02d and the top three is the same), %s.", last->round, band,
                 ROUNDS_STILL_HUNDREDTHS, short_of);
        return ROUNDS_STOPPED;
    }
    if (before && (m.top3_changed || (known && !still))) {
        char how[96];
        if (known)
            snprintf(how, sizeof how, "W %.2f to %.2f, %s",
                     (double)rounds_hundredths(before->kendall_w) / 100.0, (double)w / 100.0,
                     m.top3_changed ? "the top three changed" : "the same top three");
        else
            snprintf(how, sizeof how, "the top three changed");
        snprintf(out, size, "Round %d: %s agreement; still moving (%s), %s.", last->round, band,
                 how, short_of);
        return ROUNDS_MOVING;
    }
    snprintf(out, size, "Round %d: %s agreement, %s.", last->round, band, short_of);
    return ROUNDS_SHORT;
}
