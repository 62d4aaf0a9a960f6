/* store_room.h: room mode in the store. Each stakeholder joins a session from
 * their own terminal with a join code of their own, or adds themselves with
 * the session's walk-in code; the projector sees who is there, writing or
 * done, and what the facilitator has revealed. */
#ifndef SAMESONG_STORE_ROOM_H
#define SAMESONG_STORE_ROOM_H

#include "store.h"

#define ROOM_CODE_LEN 7 /* "KMX-4QT": six characters of 25 no one misreads, and a hyphen */

/* A participant's new join code, shown once: the store keeps only its hash. */
struct room_code {
    char *name;
    char code[ROOM_CODE_LEN + 1];
};

/* Gives each participant named in names (every participant when count is 0)
 * a new code, which replaces and so revokes any earlier one. */
int store_invite(struct store *st, int64_t session_id, char *const *names, size_t count,
                 struct room_code **codes, size_t *code_count);
void store_room_codes_free(struct room_code *codes, size_t count);

/* Revokes the participant's code: it no longer lets anyone join. */
int store_revoke_invite(struct store *st, int64_t session_id, const char *name);

/* Finds whose code this is (case, spaces and the hyphen do not matter) and
 * marks them joined. A wrong or revoked code is refused and counted: from the
 * fifth wrong code in ten minutes the session takes no code for a while
 * (2 s, doubling, at most a minute after the last wrong one). The session's
 * walk-in code joins no one yet: it succeeds with *participant_id 0 and
 * writes nothing, and the newcomer says who they are with store_walk_in. */
int store_join(struct store *st, int64_t session_id, const char *code, int64_t *participant_id);

/* Walk-ins: one code for the session that lets anyone new add themselves,
 * each once, as many as come. Opening gives a new one, which replaces any
 * earlier one; closing stops it (people it added keep their own codes). The
 * store keeps only its hash; a solo session takes none. */
int store_open_walk_ins(struct store *st, int64_t session_id, char code[ROOM_CODE_LEN + 1]);
int store_close_walk_ins(struct store *st, int64_t session_id);

/* Someone who typed the walk-in code says who they are: name (refused when
 * someone in the session has it) with role joins the session, with a code of
 * their own (own, shown once: it brings them back as themselves) and marked
 * joined, all in one change. The walk-in code is checked again, and counted
 * when wrong, as store_join does. */
int store_walk_in(struct store *st, int64_t session_id, const char *code, const char *name,
                  enum role role, int64_t *participant_id, char own[ROOM_CODE_LEN + 1]);

/* Takes the participant's seat for this process: a byte of the database's
 * -lock file, which the kernel lets go when the process ends however it ends.
 * Fails when another terminal has it. */
int store_room_sit(struct store *st, int64_t participant_id);
/* Lets the seat go: a terminal whose person was removed, whose code was
 * revoked or whose session was deleted is no one's seat any more. */
void store_room_stand(struct store *st, int64_t participant_id);
/* Whether another process holds the participant's seat now. */
bool store_room_present(struct store *st, int64_t participant_id);
/* A joined terminal says while it is writing an objection (not a step, so
 * not in readiness) with another byte of -lock, which the kernel lets go
 * with the process: one that went mid-sentence is never left "writing".
 * store_room_objecting asks whether another process is. */
void store_room_set_objecting(struct store *st, int64_t participant_id, bool writing);
bool store_room_objecting(struct store *st, int64_t participant_id);

/* Whether this process's user owns the database file: the facilitator's own
 * account, which may join as anyone without a code (samesong join --as). */
bool store_room_owner(const struct store *st);

/* The facilitator's screens hold the session's chair while it is open (taken
 * true), and let it go on leaving; the kernel lets it go when the process
 * ends. Joined terminals follow the facilitator's step only while another
 * process holds it: before the meeting, each goes at their own pace. */
void store_room_chair(struct store *st, int64_t session_id, bool taken);
bool store_room_facilitated(struct store *st, int64_t session_id);

/* The facilitator reveals a step to every joined terminal. */
int store_room_reveal(struct store *st, int64_t session_id, enum step step);
/* What a person says from their own terminal about a step. */
int store_room_set_writing(struct store *st, int64_t participant_id, enum step step,
                           bool writing);
/* A new terminal in the participant's seat has no field open: whatever an
 * earlier one said it was writing (on every step) is over. */
int store_room_clear_writing(struct store *st, int64_t participant_id);
int store_room_set_done(struct store *st, int64_t participant_id, enum step step, bool done);
/* The date (YYYY-MM-DD) by which to answer before the meeting; NULL clears it. */
int store_room_set_deadline(struct store *st, int64_t session_id, const char *date);

/* One participant as the room sees them. */
struct room_seat {
    int64_t participant_id;
    bool invited;  /* has a code that works */
    bool revoked;  /* had one, taken back */
    bool joined;   /* has joined with it at least once */
    bool present;  /* a terminal holds their seat now */
    bool writing[STEP_COUNT];
    bool done[STEP_COUNT];
    bool objecting; /* writing an objection at their terminal now */
};

struct room {
    bool active;                 /* someone was ever invited, or walk-ins opened: room mode */
    bool walk_ins;               /* the walk-in code lets newcomers add themselves now */
    bool revealed[STEP_COUNT];
    char *deadline;              /* NULL when none */
    struct room_seat *seats;     /* in the session's participant order */
    size_t seat_count;
};

int store_load_room(struct store *st, const struct session *s, struct room *out);
void room_free(struct room *r);

#endif
