namespace TfRnn.Datasets;

/// <summary>
/// What <see cref="TextEncodings.detect"/> found, as chardet reports it: an encoding name ("UTF-8", "UTF-8-SIG",
/// "UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "EUC-KR", "CP949"), or null when the bytes are not text, and a confidence in [0, 1].
/// <paramref name="warning"/> says why the guess should be checked (the slides' "Unknown encoding" and "Unsure").
/// </summary>
public sealed record EncodingGuess(string? encoding, double confidence, string? warning = null);
