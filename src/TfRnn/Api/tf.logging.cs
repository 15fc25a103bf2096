using System.Globalization;
using System.Text.RegularExpressions;

namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.logging: TF1's leveled log to stderr (<c>INFO:tensorflow:message</c>); WARN and above by default.</summary>
    public static partial class logging
    {
        /// <summary>Python logging's level numbers (<c>tf.logging.DEBUG</c> … <c>tf.logging.FATAL</c>), for <see cref="set_verbosity"/>.</summary>
        public const int DEBUG = 10, INFO = 20, WARN = 30, ERROR = 40, FATAL = 50;
        static int _verbosity = WARN;

        /// <summary>tf.logging.set_verbosity(v): messages below <paramref name="v"/> are dropped.</summary>
        public static void set_verbosity(int v) => _verbosity = v;

        /// <summary>tf.logging.get_verbosity().</summary>
        public static int get_verbosity() => _verbosity;

        /// <summary>tf.logging.debug(msg, *args): <paramref name="msg"/> %-formatted with <paramref name="args"/>, as Python's logging does.</summary>
        public static void debug(string msg, params object?[] args) => log(DEBUG, msg, args);
        /// <inheritdoc cref="debug"/>
        public static void info(string msg, params object?[] args) => log(INFO, msg, args);
        /// <inheritdoc cref="debug"/>
        public static void warn(string msg, params object?[] args) => log(WARN, msg, args);
        /// <inheritdoc cref="debug"/>
        public static void warning(string msg, params object?[] args) => log(WARN, msg, args);
        /// <inheritdoc cref="debug"/>
        public static void error(string msg, params object?[] args) => log(ERROR, msg, args);
        /// <inheritdoc cref="debug"/>
        public static void fatal(string msg, params object?[] args) => log(FATAL, msg, args);

        /// <summary>tf.logging.log(level, msg, *args).</summary>
        public static void log(int level, string msg, params object?[] args)
        {
            if (level < _verbosity) return;
            string name = level switch { >= FATAL => "FATAL", >= ERROR => "ERROR", >= WARN => "WARNING", >= INFO => "INFO", _ => "DEBUG" };
            Console.Error.WriteLine($"{name}:tensorflow:{PercentFormat(msg, args)}");
        }

        static readonly Regex Directive = new(@"%(?<flags>[-+ 0]*)(?<width>\d+)?(?:\.(?<precision>\d+))?(?<type>[sdifeErg%])", RegexOptions.Compiled);

        /// <summary>Python's <c>msg % args</c> for the common directives (%s %d %i %f %.3f %e %g %r %%).</summary>
        internal static string PercentFormat(string msg, object?[] args)
        {
            if (args.Length == 0) return msg;
            int next = 0;
            string result = Directive.Replace(msg, m =>
            {
                char type = m.Groups["type"].Value[0];
                if (type == '%') return "%";
                if (next >= args.Length) throw new ValueError($"not enough arguments for format string '{msg}'");
                object? arg = args[next++];
                string precision = m.Groups["precision"].Value;
                string text = type switch
                {
                    'd' or 'i' => Convert.ToInt64(arg, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                    'f' => Convert.ToDouble(arg, CultureInfo.InvariantCulture).ToString("F" + (precision == "" ? "6" : precision), CultureInfo.InvariantCulture),
                    'e' or 'E' => Convert.ToDouble(arg, CultureInfo.InvariantCulture).ToString((type == 'e' ? "e" : "E") + (precision == "" ? "6" : precision), CultureInfo.InvariantCulture),
                    'g' => Convert.ToDouble(arg, CultureInfo.InvariantCulture).ToString("G" + precision, CultureInfo.InvariantCulture),
                    _ => Convert.ToString(arg, CultureInfo.InvariantCulture) ?? "None",
                };
                int width = m.Groups["width"].Success ? int.Parse(m.Groups["width"].Value, CultureInfo.InvariantCulture) : 0;
                return m.Groups["flags"].Value.Contains('-') ? text.PadRight(width) : text.PadLeft(width);
            });
            if (next < args.Length) throw new ValueError($"not all arguments converted during string formatting of '{msg}'");
            return result;
        }
    }
}
