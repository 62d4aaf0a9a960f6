/* pitch.h: the sales pitch in the method's order: its seven sections, the
 * draft each starts from (written from the linked decisions), and the order
 * in which the room's objections are revealed. Pure C: no SQL, no curses. */
#ifndef SAMESONG_PITCH_H
#define SAMESONG_PITCH_H

#include "session.h"
#include "sha256.h"

#include <stdbool.h>
#include <stddef.h>

extern const char *const pitch_section_ids[PITCH_SECTION_COUNT];    /* "insight", "perfect-world" */
extern const char *const pitch_section_titles[PITCH_SECTION_COUNT]; /* "Insight", "Perfect world" */
extern const char *const pitch_section_cues[PITCH_SECTION_COUNT];   /* what the section carries */
int pitch_section_from_id(const char *id);                          /* -1 when none */

/* The draft of a section, from the decisions and their links (caller
 * frees): the insight from the customers, what they care about, the
 * champion and the category; the alternatives with the capabilities that
 * beat each; the perfect world from the value themes; the product in its
 * category and positioning style; each value theme with the capabilities
 * it comes from and its proof; the objections the room revealed (sales and
 * success first, each once); the ask a sentence to finish. "" when there is
 * nothing yet to draft it from. */
char *pitch_draft(const struct session *s, enum pitch_section section);

/* The SHA-256 of the section's draft as it is now, in hex. */
void pitch_draft_digest(const struct session *s, enum pitch_section section,
                        char hex[SHA256_HEX_LEN + 1]);

/* Whether the section was written from a draft that has changed since (the
 * decisions or their links moved on); false when it is not written or was
 * written before drafts were remembered. */
bool pitch_stale(const struct session *s, enum pitch_section section);

/* Whether any section of the pitch is written (not only its draft). */
bool pitch_written(const struct session *s);

/* The participants in the order the reveal of objections lists them: sales,
 * then customer success (who hear buyers most), then everyone else in the
 * session's order. order gets participant_count indices. */
void pitch_people_order(const struct session *s, size_t *order);

#endif
