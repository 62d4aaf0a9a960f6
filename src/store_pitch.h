/* store_pitch.h: the sales pitch in the store: each section as the room
 * wrote it (a section with nothing written shows its draft, pitch.h, which
 * is never stored), and the objections each participant hears from buyers,
 * private until the room reveals them all. Each change is one transaction. */
#ifndef SAMESONG_STORE_PITCH_H
#define SAMESONG_STORE_PITCH_H

#include "store.h"

/* Writes a section of the pitch (may span lines). NULL, or text of spaces
 * and line breaks only, takes what was written away: the section shows its
 * draft again. */
int store_set_pitch(struct store *st, int64_t session_id, enum pitch_section section,
                    const char *text);

/* The participant's objections (one line each, in their order): add one at
 * the end, change or delete one, or move it up (-1) or down (+1) among
 * theirs. Each names the participant in the event log. */
int store_add_objection(struct store *st, int64_t session_id, int64_t participant_id,
                        const char *text);
int store_update_objection(struct store *st, int64_t session_id, int64_t objection_id,
                           const char *text);
int store_delete_objection(struct store *st, int64_t session_id, int64_t objection_id);
int store_move_objection(struct store *st, int64_t session_id, int64_t objection_id,
                         int direction);

/* The room sees everyone's objections from now on: on every joined
 * terminal, and in the pitch's draft. Once is enough; again does nothing. */
int store_reveal_objections(struct store *st, int64_t session_id);

#endif
