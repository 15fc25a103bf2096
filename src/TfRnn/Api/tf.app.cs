using System.CommandLine;
using System.CommandLine.Help;

namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.app: the flags module and <see cref="run"/>, TF1's script entry point.</summary>
    public static class app
    {
        /// <inheritdoc cref="tf.flags"/>
        public static FlagsModule flags => tf.flags;

        /// <summary>
        /// tf.app.run(main, argv): parses the defined flags from <paramref name="argv"/> (the process's arguments
        /// when null) — <c>--name=value</c>, <c>--name value</c>, a bare <c>--flag</c> for booleans, <c>--help</c> —
        /// then calls <paramref name="main"/> with the program name and the arguments left over, as TF does.
        /// Returns the exit code: 0, or 1 (and the parse errors on stderr) when the command line is wrong.
        /// </summary>
        public static int run(Action<string[]> main, string[]? argv = null)
        {
            argv ??= Environment.GetCommandLineArgs()[1..];
            string program = AppDomain.CurrentDomain.FriendlyName;
            var command = new RootCommand(program);
            var rest = new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore, Description = "Arguments passed on to main" };
            command.Arguments.Add(rest);
            var bindings = new List<Action<ParseResult>>();
            foreach (var flag in flags.Values.All) bindings.Add(AddOption(command, flag));

            var parsed = command.Parse(argv);
            if (parsed.Action is HelpAction) return parsed.Invoke();
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) Console.Error.WriteLine($"FATAL Flags parsing error: {error.Message}");
                Console.Error.WriteLine($"Pass --help to see the flags of {program}.");
                return 1;
            }
            foreach (var bind in bindings) bind(parsed);
            main(new[] { program }.Concat(parsed.GetValue(rest) ?? Array.Empty<string>()).ToArray());
            return 0;
        }

        /// <summary>An option for <paramref name="flag"/>; the returned action copies a parsed value into the flag.</summary>
        static Action<ParseResult> AddOption(RootCommand command, Flag flag)
        {
            switch (flag.Value ?? (flag.Type == typeof(string) ? null : throw new ValueError($"flag {flag.Name} has no default")))
            {
                case bool initial:
                    var on = new Option<bool>("--" + flag.Name) { Description = flag.Help, DefaultValueFactory = _ => initial };
                    var off = new Option<bool>("--no" + flag.Name) { Hidden = true };
                    command.Options.Add(on);
                    command.Options.Add(off);
                    return parsed => flag.Value = !parsed.GetValue(off) && parsed.GetValue(on);
                case int initial:
                    return Bind(command, flag, initial);
                case double initial:
                    return Bind(command, flag, initial);
                default:
                    return Bind(command, flag, (string?)flag.Value);
            }
        }

        static Action<ParseResult> Bind<T>(RootCommand command, Flag flag, T initial)
        {
            var option = new Option<T>("--" + flag.Name) { Description = flag.Help, DefaultValueFactory = _ => initial };
            command.Options.Add(option);
            return parsed => flag.Value = parsed.GetValue(option);
        }
    }
}
