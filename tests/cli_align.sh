#!/bin/sh
# cli_align.sh: `report`, `suggest` and `group` on the example workshop, with
# numbers worked out by hand from data/examples/demo.json.
. "$(dirname "$0")/lib.sh"

db="$WORK/demo.db"
slug=replyline-positioning-workshop
"$SAMESONG" --db "$db" demo >/dev/null

run --db "$db" report "$slug"; status 0 "report"
stdout_has "Alignment: Replyline positioning workshop ($slug)"
# 15 pairs summing to 3.8: 25.3%
stdout_has "1. Competitive alternatives: alignment 25.3% (6 of 6 answered)"
stdout_has "     Zendesk  (Jonas, marketing)"
stdout_has "     Maya (ceo) and Carlos (success)"
stdout_has "Kendall's W"
check 'grep -q "█" "$OUT"' "bars are drawn with block characters"
check '[ "$(grep -c "^[1-5]\\. " "$OUT")" -eq 5 ]' "every step is reported"
check '[ "$(wc -L <"$OUT")" -le 80 ]' "the report fits in 80 columns"

stdout_has '   Nobody ranked "status quo", "Gorgias.io".' # as the votes view says (issue 10, item 12)
run --db "$db" export "$slug" --format md
stdout_has 'Nobody ranked status quo, Gorgias.io.' # and the Markdown canvas

run --db "$db" report "$slug" --ascii --step alternatives; status 0 "report --ascii --step"
check '! grep -q "█" "$OUT" && grep -q "#####" "$OUT"' "--ascii draws bars with #"
check '[ "$(grep -c "^[1-5]\\. " "$OUT")" -eq 1 ]' "--step reports one step"

run --db "$db" report "$slug" --json; status 0 "report --json"
stdout_has '"steps":[{"step":"alternatives","answered":6,"alignment":25.3,"shared_by_all":[]'
stdout_has '{"a":"Maya","b":"Carlos","agreement":100}'
stdout_has '{"a":"ceo","b":"sales","agreement":10}'
stdout_has '"kendall_w":'
stdout_has '"unranked":["status quo","Gorgias.io"]'
stdout_has '"vote":null'
run --db "$db" report "$slug" --json --step value; status 0 "report --json --step"
check '[ "$(grep -o "{\"step\":" "$OUT" | wc -l)" -eq 1 ]' "--json --step has one step"
run --db "$db" report "$slug" --step vision; status 1 "report of an unknown step"
stderr_has '"vision" is not a step'
run --db "$db" report nope; status 1 "report of an unknown session"; stderr_one_line

run --db "$db" suggest "$slug"; status 0 "suggest"
stdout_has "alternatives 0.90  Do nothing  ~  status quo  (synonyms)"
stdout_has "samesong --db $db group $slug --step alternatives 'Do nothing' 'status quo'"
stdout_has "Help desk  ~  helpdesk  (similar spelling)"
run --db "$db" suggest "$slug" --step customers; status 0 "suggest --step"
check '! grep -q "^alternatives" "$OUT"' "--step limits the suggestions"

# Accepting the synonym: Priya's "status quo" joins "Do nothing", so Maya-Priya
# and Priya-Carlos each gain 1/5: (3.8 + 0.4) / 15 = 28.0%.
before=$("$SAMESONG" --db "$db" export "$slug")
run --db "$db" group "$slug" --step alternatives "Do nothing" "status quo"
status 0 "group"; stdout_is 'Grouped 1 answer of alternatives as "Do nothing".'
run --db "$db" report "$slug" --step alternatives
stdout_has "alignment 28.0% (6 of 6 answered)"
run --db "$db" group "$slug" --step alternatives --ungroup "status quo"
status 0 "ungroup"; stdout_is "Took 1 answer of alternatives out of their group."
run --db "$db" report "$slug" --step alternatives; stdout_has "alignment 25.3%"
run --db "$db" export "$slug"
check '[ "$(cat "$OUT")" = "$before" ]' "grouping and ungrouping give back the same session"

run --db "$db" group "$slug" --step alternatives "Label" "no such answer"
status 1 "group with nothing matching"; stderr_has "no answer in alternatives matches"
run --db "$db" group "$slug" "Label" "Zendesk"; status 2 "group without --step"
run --db "$db" group "$slug" --step alternatives "$(printf 'bad\033[2J')" "Zendesk"
status 1 "a label with an escape"; stderr_has "group label: control character U+001B"
run --db "$db" export "$slug"
check '[ "$(cat "$OUT")" = "$before" ]' "refused grouping changed nothing"

finish
