# bash completion for samesong: commands, options, session slugs, steps, roles, formats, themes.
# Installed as bash-completion/completions/samesong; or source it from ~/.bashrc.
# Session slugs come from 'samesong list --slugs', run on the database the line
# names with --db (else $SAMESONG_DB, else the default one): read-only, quiet,
# and it creates no database.

# A command's own options, "-s|--step=": short and long name, "=" when it takes a value.
# tests/completion.sh checks these against 'samesong CMD --help'.
_samesong_options()
{
    case $1 in
        open) ;;
        browse) ;;
        new) echo '-p|--product= -s|--solo --slug=' ;;
        list) echo '--json --slugs' ;;
        add) echo '-a|--as= -r|--role= -s|--step= -g|--group=' ;;
        show) ;;
        report) echo '-j|--json -s|--step= --ascii -f|--format=' ;;
        check) echo '-j|--json' ;;
        suggest) echo '-s|--step=' ;;
        group) echo '-s|--step= -u|--ungroup' ;;
        round) echo '-s|--step= -t|--threshold=' ;;
        search) echo '-n|--limit=' ;;
        diff) ;;
        export) echo '-f|--format= -o|--output=' ;;
        import) echo '--slug= --csv= --session= --map=' ;;
        verify) ;;
        invite) echo '-r|--revoke= -l|--list -d|--deadline= -w|--walk-ins -W|--no-walk-ins' ;;
        join) echo '-a|--as=' ;;
        demo) ;;
    esac
}

# The options every command takes; --version only before a command.
_samesong_common='--db= --read-only --theme= -h|--help'

_samesong_commands='open browse new list add show report check suggest group round search diff
export import verify invite join demo'

# What the arguments after the command are: "session", "file" or nothing, by position.
_samesong_argument()
{
    case $1 in
        open | show | report | check | suggest | group | round | export | verify | invite | join | add)
            [[ $2 -eq 1 ]] && echo session ;;
        diff) [[ $2 -le 2 ]] && echo session ;;
        import) [[ $2 -eq 1 ]] && echo file ;;
    esac
}

# The long name of option $2 of command $1 ("--step" for -s of add), and
# whether it takes a value (its spec ends in "=").
_samesong_find_option()
{
    local spec name
    for spec in $(_samesong_options "$1") $_samesong_common -V\|--version; do
        local IFS='|'
        for name in ${spec%=}; do
            if [[ $name == "$2" ]]; then
                echo "${spec##*|}"
                return 0
            fi
        done
    done
    return 1
}

# The session slugs of the database the line names.
_samesong_slugs()
{
    local prog=$1 db=$2
    [[ $db == "~/"* ]] && db=$HOME/${db#"~/"}
    if [[ -n $db ]]; then
        "$prog" --db "$db" list --slugs 2>/dev/null
    else
        "$prog" list --slugs 2>/dev/null
    fi
}

_samesong_files()
{
    if declare -F _filedir >/dev/null; then
        _filedir
    else
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

_samesong()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion -n = || return
    else
        words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
        cur=${words[cword]} prev=
        ((cword > 0)) && prev=${words[cword - 1]}
    fi
    COMPREPLY=()

    # Walk the line: the command, the --db given, how many arguments so far.
    local prog=${words[0]} cmd= db= nargs=0 i word want= spec
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        if [[ -n $want ]]; then
            [[ $want == --db ]] && db=$word
            want=
            continue
        fi
        case $word in
            --db=*) db=${word#--db=} ;;
            --*=*) ;;
            -?*)
                spec=$(_samesong_find_option "$cmd" "$word") && [[ $spec == *= ]] && want=${spec%=}
                ;;
            *)
                if [[ -z $cmd ]]; then cmd=$word; else ((nargs++)); fi
                ;;
        esac
    done

    # The value of an option: --step alternatives, or --step=alternatives.
    local option= value=$cur
    if [[ -n $want ]]; then
        option=$want
    elif [[ $cur == --*=* ]]; then
        spec=$(_samesong_find_option "$cmd" "${cur%%=*}") && [[ $spec == *= ]] && option=${spec%=}
        value=${cur#*=}
    fi
    if [[ -n $option ]]; then
        local values=
        case $option in
            --db | --output | --csv)
                cur=$value
                _samesong_files
                return ;;
            --session) values=$(_samesong_slugs "$prog" "$db") ;;
            --theme) values='default projector plain' ;;
            --step) values='alternatives capabilities value customers category' ;;
            --role) values='ceo marketing sales product success other' ;;
            --map)
                # KEY=COLUMN: the keys; the column is the CSV's own
                [[ $value == *=* ]] && return
                values='participant= role= alternatives= capabilities= value= customers= category='
                declare -F compopt >/dev/null && compopt -o nospace 2>/dev/null ;;
            --format)
                case $cmd in
                    export) values='json md html csv' ;;
                    report) values='text json csv' ;;
                esac ;;
        esac
        COMPREPLY=($(compgen -W "$values" -- "$value"))
        return
    fi

    if [[ $cur == -* ]]; then
        local names= IFS=' '
        for spec in $(_samesong_options "$cmd") $_samesong_common; do
            spec=${spec%=}
            names+=" ${spec//|/ }"
        done
        [[ -z $cmd ]] && names+=' -V --version'
        COMPREPLY=($(compgen -W "$names" -- "$cur"))
        return
    fi

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$_samesong_commands" -- "$cur"))
        return
    fi
    case $(_samesong_argument "$cmd" $((nargs + 1))) in
        session) COMPREPLY=($(compgen -W "$(_samesong_slugs "$prog" "$db")" -- "$cur")) ;;
        file) _samesong_files ;;
    esac
}
complete -F _samesong samesong
