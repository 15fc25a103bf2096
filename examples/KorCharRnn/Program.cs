// Practice 4 of "Recurrent Neural Network using TensorFlow": a Korean novel writer. Raw Korean text of unknown
// encoding is converted to UTF-8 (conv_file), every syllable is split into jamo (decompose_text) so the model
// sees ~60 symbols instead of thousands of syllables, a 3×512 LSTM char-rnn learns them (4_kor_char_rnn_train),
// and samples are recomposed into syllables (automata) when printed (4_kor_char_rnn_inference).
using TfRnn.Datasets;
using TfRnn.Examples.CharRnn;
using TfRnn.Examples.KorCharRnn;

var defaults = new CharRnnDefaults(
    RnnSize: 512,            // units per BasicLSTMCell
    NumLayers: 3,            // MultiRNNCell of three
    BatchSize: 50,
    SeqLength: 50,
    Epochs: 500,
    Steps: 150,              // the demo's cap (0: every epoch, the slides' full run)
    LearningRate: 0.002,     // the demo's Adam rate, × decay_rate^epoch; the slides train 500 epochs at 0.0002
    DecayRate: 0.97,
    GradClip: 5.0,           // clip_by_global_norm
    SaveEvery: 50,
    Prime: "누구 ",           // decompose_text("누구 ") is fed to the model
    Mode: "choice");         // np.random.choice(len(p), p=p)

var jamo = new TextCodec(Hangul.decompose_text, Hangul.automata);
return CharRnnCommand.Run(args, new CharRnnExample("KorCharRnn", "Korean char-RNN on Hangul jamo (practice 4).",
    "Korean text file or folder, any encoding (default: Vim's tutor.ko.euc from vim-runtime)", defaults, "--steps 0 --learning-rate 0.0002",
    KoreanCorpus.Resolve, jamo));
