namespace TfRnn.Examples.CharRnn;

/// <summary>The slide defaults of a char-rnn practice: every option's default value.</summary>
public sealed record CharRnnDefaults(int RnnSize, int NumLayers, int BatchSize, int SeqLength, int Epochs, int Steps,
    double LearningRate, double DecayRate, double GradClip, int SaveEvery, string Prime, string Mode);

/// <summary>How a corpus's text reaches the model and comes back: identity for CharRnn, jamo for KorCharRnn.</summary>
public sealed record TextCodec(Func<string, string> ToModel, Func<string, string> ToText)
{
    public static TextCodec Identity { get; } = new(text => text, text => text);
}

/// <summary>
/// One char-rnn practice as a program: its name (logs/&lt;Name&gt;/…), description, defaults, the options of the slides'
/// full run (printed after a capped run), how it finds its corpus (a data folder with input.txt in the model's
/// alphabet, or null after printing why not) and its text codec.
/// </summary>
public sealed record CharRnnExample(string Name, string Description, string DataHelp, CharRnnDefaults Defaults, string FullRunOptions,
    Func<string?, string?> ResolveData, TextCodec Codec);
