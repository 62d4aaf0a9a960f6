/* report_html.c: a session as one self-contained HTML page for `samesong export --format
 * html`: the canvas, the pitch, the alignment as bars, who said what, the votes. No
 * script, nothing fetched; every piece of user text goes through add_text. */
#include "config.h"

#include "align.h"
#include "chain.h"
#include "method.h"
#include "pitch.h"
#include "report.h"
#include "rounds.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char report_html_style[]; /* report_html_style.c */

/* The one way user text reaches the page: sanitised as for a terminal (controls shown as
 * ^[ or <9B>, invisible characters dropped), the noncharacters HTML forbids replaced, and
 * & < > " ' escaped, so it is text wherever it lands, an attribute's value too; a line
 * feed becomes <br>. Names, answers, labels, decisions, the pitch: all of it, always. */
static void add_text(struct strbuf *b, const char *text)
{
    char *safe = text_sanitize(text ? text : "", true);
    const char *end = safe + strlen(safe);
    for (const char *c = safe; *c;) {
        uint32_t cp;
        size_t len = text_decode(c, (size_t)(end - c), &cp);
        if (!len) { /* text_sanitize leaves valid UTF-8; this only keeps the walk going */
            strbuf_puts(b, "\xEF\xBF\xBD");
            c++;
            continue;
        }
        switch (cp) {
        case '&': strbuf_puts(b, "&amp;"); break;
        case '<': strbuf_puts(b, "&lt;"); break;
        case '>': strbuf_puts(b, "&gt;"); break;
        case '"': strbuf_puts(b, "&quot;"); break;
        case '\'': strbuf_puts(b, "&#39;"); break;
        case '\n': strbuf_puts(b, "<br>"); break;
        default:
            if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
                strbuf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
            else
                strbuf_add(b, c, len);
        }
        c += len;
    }
    free(safe);
}

/* A date as people read it, "23 November 2026, 18:51 UTC"; anything else as it is. */
static void add_when(struct strbuf *b, const char *iso)
{
    static const char *const months[12] = {"January", "February", "March", "April", "May",
                                           "June", "July", "August", "September", "October",
                                           "November", "December"};
    int y, mo, d, h, mi;
    char z = 0;
    if (iso && sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%*2d%c", &y, &mo, &d, &h, &mi, &z) == 6 &&
        z == 'Z' && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60)
        strbuf_printf(b, "%d %s %d, %02d:%02d UTC", d, months[mo - 1], y, h, mi);
    else
        add_text(b, iso ? iso : "an unknown date");
}

static void add_percent(struct strbuf *b, double x)
{
    if (isnan(x))
        strbuf_puts(b, "n/a");
    else
        strbuf_printf(b, "%.1f%%", x);
}

/* --- the head: what this is, whose, and whether it is final ---------------------------- */

static void add_head(struct strbuf *b, const struct session *s, const struct alignment *a)
{
    strbuf_puts(b, "<header class=\"head\">\n<p class=\"kind\">");
    strbuf_puts(b, s->solo && !s->locked ? "Positioning thesis" : "Positioning canvas");
    if (*s->product) {
        strbuf_puts(b, " &middot; ");
        add_text(b, s->product);
    }
    strbuf_puts(b, "</p>\n<h1>");
    add_text(b, s->name);
    strbuf_puts(b, "</h1>\n<p class=\"status\">");
    if (s->locked) {
        strbuf_puts(b, "<span class=\"badge\">Locked</span> ");
        add_when(b, s->locked_at);
        strbuf_puts(b, ": final, nobody can change it");
    } else {
        strbuf_puts(b, "<span class=\"badge draft\">Draft</span> not locked: the decisions may "
                       "still change");
    }
    size_t breaks = chain_break_count(s);
    if (breaks)
        strbuf_printf(b, ". The chain breaks in %zu place%s (listed under the canvas).", breaks,
                      breaks == 1 ? "" : "s");
    else
        strbuf_puts(b, ". The chain holds: each decision rests on the one before.");
    strbuf_puts(b, "</p>\n<p class=\"meta\">");
    strbuf_printf(b, "%s", s->solo ? "Solo" : "Workshop");
    if (!s->solo && !s->participant_count)
        strbuf_puts(b, ", nobody in it yet");
    if (!s->solo && s->participant_count) {
        strbuf_printf(b, " of %zu: ", s->participant_count);
        for (size_t p = 0; p < s->participant_count; p++) {
            strbuf_puts(b, p ? ", " : "");
            add_text(b, s->participants[p].name);
            strbuf_printf(b, " (%s)", session_roles[s->participants[p].role].name);
        }
        if (!isnan(a->overall)) {
            strbuf_puts(b, ". Overall alignment ");
            add_percent(b, a->overall);
        }
    }
    strbuf_puts(b, ". Started ");
    add_when(b, s->created_at);
    strbuf_puts(b, "; exported by samesong " PACKAGE_VERSION " from the session <code>");
    add_text(b, s->slug ? s->slug : "");
    strbuf_puts(b, "</code>.</p>\n");
    if (s->locked && s->lock_digest) {
        strbuf_puts(b, "<p class=\"meta digest\">Lock digest <code>");
        add_text(b, s->lock_digest);
        strbuf_puts(b, "</code> (<code>samesong verify</code> checks it)</p>\n");
    }
    strbuf_puts(b, "</header>\n");
}

/* --- the canvas: the five decisions with the method's parts ---------------------------- */

/* An item's tag as a word in a box: a word, so it reads without colour. */
static void add_tag(struct strbuf *b, const char *tag)
{
    strbuf_puts(b, " <span class=\"tag");
    strbuf_puts(b, tag && !strcmp(tag, "today") ? "" : " later");
    strbuf_puts(b, "\">");
    add_text(b, tag ? tag : "not checked");
    strbuf_puts(b, "</span>");
}

static void add_one_proof(struct strbuf *b, const struct proof *p, bool with_item)
{
    strbuf_printf(b, "<li><span class=\"proof-kind\">%s</span> ", method_proof_kinds[p->kind]);
    if (with_item) {
        add_text(b, p->item);
        strbuf_puts(b, ": ");
    }
    add_text(b, p->text);
    strbuf_puts(b, "</li>\n");
}

/* The decision's items, each with its tag (capabilities), its links to the step it builds
 * on, and the proof behind it (value themes). */
static void add_decision(struct strbuf *b, const struct session *s, enum step step, bool *proof_done)
{
    if (!s->decisions[step]) {
        strbuf_puts(b, "<p class=\"undecided\">Not decided yet.</p>\n");
        return;
    }
    char **items;
    size_t n = method_items(s->decisions[step], &items);
    /* numbered when every line of the decision was: the room's order matters then */
    bool all_numbered = n > 1 && method_all_numbered(s->decisions[step]);
    enum step on = method_builds_on(step);
    bool linked = on != STEP_COUNT && s->decisions[on];
    const char *list = all_numbered ? "ol" : "ul";
    strbuf_printf(b, "<%s class=\"decision%s\">\n", list, n == 1 ? " single" : "");
    for (size_t i = 0; i < n; i++) {
        strbuf_puts(b, "<li><span class=\"item\">");
        add_text(b, items[i]);
        strbuf_puts(b, "</span>");
        if (step == STEP_CAPABILITIES)
            add_tag(b, method_capability_tag(s, items[i]));
        if (linked) {
            bool missing = false;
            char *links = method_item_links(s, step, items[i], &missing);
            strbuf_puts(b, missing ? "<span class=\"links missing\">" : "<span class=\"links\">");
            add_text(b, links);
            strbuf_puts(b, "</span>");
            free(links);
        }
        bool any = false;
        for (size_t p = 0; step == STEP_VALUE && p < s->proof_count; p++)
            if (!proof_done[p] && method_same_item(s->proofs[p].item, items[i])) {
                strbuf_puts(b, any ? "" : "\n<ul class=\"proofs\">\n");
                add_one_proof(b, &s->proofs[p], false);
                proof_done[p] = any = true;
            }
        strbuf_puts(b, any ? "</ul>" : "");
        strbuf_puts(b, "</li>\n");
    }
    strbuf_printf(b, "</%s>\n", list);
    method_items_free(items, n);
}

/* Capability groups tagged on the reveal that the decision left out. */
static void add_other_tags(struct strbuf *b, const struct session *s)
{
    char **items;
    size_t count = method_items(s->decisions[STEP_CAPABILITIES], &items);
    bool any = false;
    for (size_t i = 0; i < s->tag_count; i++) {
        bool decided = false;
        for (size_t k = 0; k < count && !decided; k++)
            decided = method_same_item(items[k], s->tags[i].group);
        if (decided)
            continue;
        strbuf_puts(b, any ? "; " : "<p class=\"note aside\"><strong>Also checked, not in the "
                                    "decision:</strong> ");
        any = true;
        add_text(b, s->tags[i].group);
        add_tag(b, s->tags[i].tag);
    }
    strbuf_puts(b, any ? "</p>\n" : "");
    method_items_free(items, count);
}

/* "<strong>Label:</strong> text (why)" when there is text. */
static void add_labelled(struct strbuf *b, const char *label, const char *text, const char *why)
{
    if (!text)
        return;
    strbuf_printf(b, "<p class=\"note\"><strong>%s:</strong> ", label);
    add_text(b, text);
    if (why) {
        strbuf_puts(b, " <span class=\"muted\">&mdash; ");
        add_text(b, why);
        strbuf_puts(b, "</span>");
    }
    strbuf_puts(b, "</p>\n");
}

static void add_step_card(struct strbuf *b, const struct session *s, enum step step,
                          const struct step_text *text, bool *proof_done)
{
    strbuf_printf(b, "<section class=\"step\" aria-labelledby=\"step-%s\">\n<h3 id=\"step-%s\">"
                     "<span class=\"num\">%d</span> ",
                  session_steps[step].id, session_steps[step].id, (int)step + 1);
    add_text(b, text->title);
    strbuf_puts(b, "</h3>\n<p class=\"question\">");
    add_text(b, text->question);
    strbuf_puts(b, "</p>\n");
    add_decision(b, s, step, proof_done);
    if (step == STEP_CAPABILITIES)
        add_other_tags(b, s);
    if (step == STEP_CUSTOMERS)
        add_labelled(b, "Champion", s->champion_role, s->champion_why);
    if (step == STEP_CATEGORY && s->style != STYLE_NONE)
        add_labelled(b, "Positioning style", method_style_names[s->style], s->style_why);
    add_labelled(b, "Why", s->rationale[step], NULL);
    for (size_t i = 0; i < s->dissent_count; i++)
        if (s->dissents[i].step == step) {
            strbuf_puts(b, "<p class=\"note dissent\"><strong>Dissent, ");
            add_text(b, s->dissents[i].who);
            strbuf_puts(b, ":</strong> ");
            add_text(b, s->dissents[i].what);
            strbuf_puts(b, "</p>\n");
        }
    strbuf_puts(b, "</section>\n");
}

/* Where the chain breaks, one sentence each; nothing when it holds (the head says so). */
static void add_chain(struct strbuf *b, const struct session *s)
{
    struct chain_break *breaks;
    size_t count;
    chain_check(s, &breaks, &count);
    if (count) {
        strbuf_puts(b, "<div class=\"chain\">\n<h3>Where the chain breaks</h3>\n<ul>\n");
        for (size_t i = 0; i < count; i++) {
            char *sentence = chain_sentence(&breaks[i]);
            strbuf_puts(b, "<li>");
            add_text(b, sentence);
            strbuf_puts(b, "</li>\n");
            free(sentence);
        }
        strbuf_puts(b, "</ul>\n</div>\n");
    }
    chain_free(breaks, count);
}

static void add_canvas(struct strbuf *b, const struct session *s,
                       const struct step_text steps[STEP_COUNT])
{
    strbuf_puts(b, "<section aria-labelledby=\"canvas\">\n<h2 id=\"canvas\">The canvas</h2>\n"
                   "<div class=\"steps\">\n");
    bool *proof_done = xcalloc(s->proof_count + 1, sizeof *proof_done);
    for (int step = 0; step < STEP_COUNT; step++)
        add_step_card(b, s, (enum step)step, &steps[step], proof_done);
    strbuf_puts(b, "</div>\n");
    bool orphans = false; /* proof of a theme the decision no longer has: the store keeps none */
    for (size_t p = 0; p < s->proof_count; p++)
        if (!proof_done[p]) {
            strbuf_puts(b, orphans ? "" : "<p class=\"note\"><strong>Proof of themes not in "
                                          "the decision:</strong></p>\n<ul class=\"proofs\">\n");
            add_one_proof(b, &s->proofs[p], true);
            orphans = true;
        }
    strbuf_puts(b, orphans ? "</ul>\n" : "");
    free(proof_done);
    add_chain(b, s);
    strbuf_puts(b, "</section>\n");
}

/* --- the pitch ------------------------------------------------------------------------- */

/* Text the room wrote, as method_each_written reads it: items in a list, a line under an
 * item inside that item, any other line a paragraph. */
struct written_page {
    struct strbuf *b;
    bool in_list;
};

static void add_written_line(void *ctx, enum written_line kind, const char *words)
{
    struct written_page *w = ctx;
    struct strbuf *b = w->b;
    if (kind == WRITTEN_UNDER_ITEM) { /* reopen the item above */
        b->len -= strlen("</li>\n");
        b->data[b->len] = '\0';
        strbuf_puts(b, "<br>");
        add_text(b, words + strspn(words, " \t"));
        strbuf_puts(b, "</li>\n");
        return;
    }
    bool item = kind == WRITTEN_ITEM;
    if (item != w->in_list)
        strbuf_puts(b, item ? "<ul>\n" : "</ul>\n");
    w->in_list = item;
    strbuf_puts(b, item ? "<li>" : "<p>");
    add_text(b, words);
    strbuf_puts(b, item ? "</li>\n" : "</p>\n");
}

static void add_written(struct strbuf *b, const char *text)
{
    struct written_page w = {b, false};
    method_each_written(text, add_written_line, &w);
    strbuf_puts(b, w.in_list ? "</ul>\n" : "");
}

/* The objections each person hears, sales and customer success first. */
static void add_objections(struct strbuf *b, const struct session *s)
{
    if (!s->objection_count)
        return;
    strbuf_puts(b, "<section class=\"pitch-part\">\n<h3>Objections the room hears</h3>\n"
                   "<ul class=\"objections\">\n");
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    pitch_people_order(s, order);
    for (size_t o = 0; o < s->participant_count; o++)
        for (size_t i = 0; i < s->objection_count; i++) {
            size_t p = order[o];
            if (s->objections[i].participant != p)
                continue;
            strbuf_puts(b, "<li>");
            if (!s->solo) {
                strbuf_puts(b, "<strong>");
                add_text(b, s->participants[p].name);
                strbuf_printf(b, "</strong> <span class=\"muted\">(%s)</span>: ",
                              session_roles[s->participants[p].role].name);
            }
            add_text(b, s->objections[i].text);
            strbuf_puts(b, "</li>\n");
        }
    free(order);
    strbuf_puts(b, "</ul>\n</section>\n");
}

static void add_pitch(struct strbuf *b, const struct session *s)
{
    strbuf_puts(b, "<section aria-labelledby=\"pitch\">\n<h2 id=\"pitch\">Sales pitch</h2>\n"
                   "<div class=\"pitch\">\n");
    for (int i = 0; i < PITCH_SECTION_COUNT; i++) {
        if (!s->pitch[i])
            continue;
        strbuf_printf(b, "<section class=\"pitch-part\">\n<h3>%s</h3>\n", pitch_section_titles[i]);
        if (pitch_stale(s, (enum pitch_section)i)) /* the pitch screen's words */
            strbuf_puts(b, "<p class=\"muted\"><em>Written before the decisions changed.</em></p>\n");
        add_written(b, s->pitch[i]);
        strbuf_puts(b, "</section>\n");
    }
    if (!pitch_written(s))
        strbuf_puts(b, "<p class=\"undecided\">Not written yet.</p>\n");
    if (*s->narrative) {
        strbuf_puts(b, "<section class=\"pitch-part\">\n<h3>Sales narrative</h3>\n");
        add_written(b, s->narrative);
        strbuf_puts(b, "</section>\n");
    }
    add_objections(b, s);
    strbuf_puts(b, "</div>\n</section>\n");
}

/* --- how the room got there: alignment, who said what, votes --------------------------- */

static void add_alignment(struct strbuf *b, const struct session *s, const struct alignment *a,
                          const struct step_text steps[STEP_COUNT])
{
    strbuf_puts(b, "<section aria-labelledby=\"alignment\">\n<h2 id=\"alignment\">Alignment</h2>\n"
                   "<p>How far people named the same things before deciding (the mean "
                   "agreement of each pair): overall <strong>");
    add_percent(b, a->overall);
    strbuf_puts(b, "</strong>");
    enum role r, q;
    double least;
    if (align_session_least_aligned_roles(a, &r, &q, &least))
        strbuf_printf(b, "; least aligned: %s and %s (%.1f%% agreement)", session_roles[r].word,
                      session_roles[q].word, least * 100.0);
    strbuf_puts(b, ".</p>\n<table class=\"bars\">\n<thead><tr><th scope=\"col\">Step</th>"
                   "<th scope=\"col\">Alignment</th><th scope=\"col\">Answered</th></tr></thead>\n"
                   "<tbody>\n");
    for (int i = 0; i < STEP_COUNT; i++) {
        const struct align_step *st = &a->steps[i];
        double width = isnan(st->alignment) ? 0 : st->alignment < 0 ? 0
                       : st->alignment > 100 ? 100 : st->alignment;
        strbuf_printf(b, "<tr><th scope=\"row\"><span class=\"num\">%d</span> ", i + 1);
        add_text(b, steps[i].title);
        strbuf_puts(b, i == a->weakest ? " <span class=\"weakest\">(weakest)</span>" : "");
        strbuf_printf(b, "</th><td class=\"meter\"><div class=\"bar\" aria-hidden=\"true\">"
                         "<div class=\"fill\" style=\"width:%.1f%%\"></div></div>"
                         "<span class=\"pct\">",
                      width);
        add_percent(b, st->alignment);
        strbuf_printf(b, "</span></td><td class=\"answered\">%zu of %zu</td></tr>\n", st->answered,
                      s->participant_count);
    }
    strbuf_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* A step's groups by people: a row per group, most named first, a column per person. */
static void add_grid(struct strbuf *b, const struct session *s, const struct align_step *st,
                     const struct step_text *text, const size_t *order, size_t n)
{
    strbuf_printf(b, "<table class=\"grid\">\n<caption><span class=\"num\">%d</span> ",
                  (int)st->step + 1);
    add_text(b, text->title);
    strbuf_puts(b, "</caption>\n<thead><tr><th scope=\"col\" class=\"group\">Group</th>"
                   "<th scope=\"col\" class=\"count\"><span class=\"upright\">Named by</span></th>");
    for (size_t c = 0; c < n; c++) {
        const struct participant *p = &s->participants[order[c]];
        strbuf_puts(b, "<th scope=\"col\" class=\"person\"><span class=\"upright\">");
        add_text(b, p->name);
        strbuf_printf(b, "<span class=\"hidden\">, %s</span></span></th>", session_roles[p->role].name);
    }
    strbuf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t g = 0; g < st->group_count; g++) {
        const struct align_group *gr = &st->groups[g];
        strbuf_puts(b, "<tr><th scope=\"row\">");
        add_text(b, gr->label);
        strbuf_printf(b, "</th><td class=\"count\">%zu</td>", gr->count);
        for (size_t c = 0; c < n; c++)
            strbuf_puts(b, gr->named_by[order[c]]
                               ? "<td class=\"dot\"><span aria-hidden=\"true\">&#x25CF;</span>"
                                 "<span class=\"hidden\">named</span></td>"
                               : "<td></td>");
        strbuf_puts(b, "</tr>\n");
    }
    if (!st->group_count)
        strbuf_printf(b, "<tr><td colspan=\"%zu\" class=\"undecided\">No answers yet.</td></tr>\n",
                      n + 2);
    strbuf_puts(b, "</tbody>\n</table>\n");
}

static void add_grids(struct strbuf *b, const struct session *s, const struct alignment *a,
                      const struct step_text steps[STEP_COUNT])
{
    strbuf_puts(b, "<section aria-labelledby=\"who\">\n<h2 id=\"who\">Who said what</h2>\n"
                   "<p class=\"legend\">Each step&rsquo;s answers as groups, most named first; "
                   "&#x25CF; marks who named each; people by role, as the head lists them.</p>\n");
    /* a column per person: past eight people a table takes the page's whole width */
    strbuf_puts(b, s->participant_count > 8 ? "<div class=\"grids wide\">\n"
                                            : "<div class=\"grids\">\n");
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    size_t n = session_people_by_role(s, order); /* as the reveal shows them */
    for (int i = 0; i < STEP_COUNT; i++)
        add_grid(b, s, &a->steps[i], &steps[i], order, n);
    free(order);
    strbuf_puts(b, "</div>\n</section>\n");
}

/* One person's answers as a list, for a solo thesis, where there is nobody to align with. */
static void add_own_answers(struct strbuf *b, const struct session *s,
                            const struct step_text steps[STEP_COUNT])
{
    strbuf_puts(b, "<section aria-labelledby=\"answers\">\n<h2 id=\"answers\">Your answers</h2>\n"
                   "<div class=\"grids\">\n");
    for (int step = 0; step < STEP_COUNT; step++) {
        strbuf_printf(b, "<div>\n<h3><span class=\"num\">%d</span> ", step + 1);
        add_text(b, steps[step].title);
        strbuf_puts(b, "</h3>\n<ul>\n");
        bool any = false;
        for (size_t i = 0; i < s->input_count; i++) {
            if (s->inputs[i].step != (enum step)step)
                continue;
            strbuf_puts(b, "<li>");
            add_text(b, s->inputs[i].text);
            strbuf_puts(b, "</li>\n");
            any = true;
        }
        strbuf_puts(b, any ? "</ul>\n</div>\n" : "<li class=\"undecided\">No answers yet.</li>\n"
                                                 "</ul>\n</div>\n");
    }
    strbuf_puts(b, "</div>\n</section>\n");
}

/* A step's vote: the room's order with rank sums, how far the rankings agree, the rounds. */
static void add_vote(struct strbuf *b, const struct align_step *st, const struct step_text *text,
                     double threshold)
{
    const struct align_vote *v = st->vote;
    strbuf_printf(b, "<section class=\"vote\">\n<h3><span class=\"num\">%d</span> ",
                  (int)st->step + 1);
    add_text(b, text->title);
    strbuf_puts(b, "</h3>\n");
    if (!v)
        strbuf_printf(b, "<p class=\"muted\">Round %d: nobody has ranked yet.</p>\n", st->round);
    if (v) {
        strbuf_printf(b, "<p class=\"muted\">%zu ranking%s; W ", v->rankings,
                      v->rankings == 1 ? "" : "s");
        if (isnan(v->kendall_w))
            strbuf_puts(b, "n/a");
        else
            strbuf_printf(b, "<strong>%.2f</strong> (%s)", v->kendall_w, rounds_band(v->kendall_w));
        strbuf_printf(b, "; %.1f%% of rankings have the room&rsquo;s top three.</p>\n"
                         "<ol class=\"order\">\n",
                      v->top3_match_share);
        for (size_t i = 0; i < v->candidate_count; i++) {
            strbuf_puts(b, "<li>");
            add_text(b, v->order[i].label);
            strbuf_printf(b, " <span class=\"muted\">(rank sum %g)</span></li>\n",
                          v->order[i].rank_sum);
        }
        strbuf_puts(b, "</ol>\n");
    }
    const struct align_vote **shown = xcalloc(st->round_count + 1, sizeof *shown);
    size_t n = rounds_shown(st, true, shown);
    if (n > 1) /* each round's W, and how it moved from the one before */
        strbuf_puts(b, "<table class=\"rounds\">\n<thead><tr><th scope=\"col\">Round</th>"
                       "<th scope=\"col\">W</th><th scope=\"col\">Change</th>"
                       "<th scope=\"col\">Top three</th><th scope=\"col\">Rankings</th></tr>"
                       "</thead>\n<tbody>\n");
    for (size_t i = 0; n > 1 && i < n; i++) {
        const struct align_vote *r = shown[i];
        strbuf_printf(b, "<tr><th scope=\"row\">%d</th><td>", r->round);
        if (isnan(r->kendall_w))
            strbuf_puts(b, "n/a");
        else
            strbuf_printf(b, "%.2f %s", (double)rounds_hundredths(r->kendall_w) / 100.0,
                          rounds_band(r->kendall_w));
        struct rounds_move m = {NAN, false};
        if (i)
            rounds_move(shown[i - 1], r, &m);
        if (isnan(m.w_change))
            strbuf_puts(b, "</td><td>&mdash;");
        else
            strbuf_printf(b, "</td><td>%+.2f", m.w_change);
        strbuf_printf(b, "</td><td>%s, %.1f%% have it</td><td>%zu</td></tr>\n",
                      !i ? "first" : m.top3_changed ? "changed" : "same", r->top3_match_share,
                      r->rankings);
    }
    strbuf_puts(b, n > 1 ? "</tbody>\n</table>\n" : "");
    free(shown);
    char reading[300];
    rounds_reading(st, true, threshold, reading, sizeof reading);
    if (*reading) {
        strbuf_puts(b, "<p class=\"reading\">");
        add_text(b, reading);
        strbuf_puts(b, "</p>\n");
    }
    strbuf_puts(b, "</section>\n");
}

static void add_votes(struct strbuf *b, const struct session *s, const struct alignment *a,
                      const struct step_text steps[STEP_COUNT])
{
    strbuf_puts(b, "<section aria-labelledby=\"votes\">\n<h2 id=\"votes\">Votes</h2>\n");
    bool any = false;
    for (int i = 0; i < STEP_COUNT; i++)
        any |= a->steps[i].vote || a->steps[i].round_count;
    if (!any) {
        strbuf_puts(b, "<p class=\"undecided\">Nobody has ranked yet.</p>\n</section>\n");
        return;
    }
    strbuf_puts(b, "<p class=\"legend\">The room&rsquo;s order, lowest rank sum first; W runs "
                   "from 0 (no agreement) to 1 (everyone ranked alike).</p>\n<div class=\"votes\">\n");
    for (int i = 0; i < STEP_COUNT; i++)
        if (a->steps[i].vote || a->steps[i].round_count)
            add_vote(b, &a->steps[i], &steps[i], rounds_threshold(s));
    strbuf_puts(b, "</div>\n</section>\n");
}

char *report_html(const struct session *s, const struct step_text steps[STEP_COUNT])
{
    struct strbuf b = {0};
    struct alignment a;
    align_session(s, &a);
    strbuf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"samesong " PACKAGE_VERSION "\">\n<title>");
    strbuf_puts(&b, s->solo && !s->locked ? "Positioning thesis: " : "Positioning canvas: ");
    add_text(&b, s->name);
    strbuf_puts(&b, "</title>\n<style>\n");
    strbuf_puts(&b, report_html_style);
    strbuf_puts(&b, "</style>\n</head>\n<body>\n<div class=\"page\">\n");
    add_head(&b, s, &a);
    strbuf_puts(&b, "<main>\n");
    add_canvas(&b, s, steps);
    add_pitch(&b, s);
    if (s->solo) {
        add_own_answers(&b, s, steps);
    } else {
        add_alignment(&b, s, &a, steps);
        add_grids(&b, s, &a, steps);
    }
    add_votes(&b, s, &a, steps);
    strbuf_puts(&b, "</main>\n</div>\n</body>\n</html>\n");
    alignment_free(&a);
    return strbuf_take(&b);
}
