namespace TfRnn;

/// <summary>
/// TF's rnn_cell_impl._Linear: Σᵢ argsᵢ·W (+ bias) with one kernel over the concatenated args, created in
/// the current variable scope (so reuse rules decide sharing). Used by custom cells written in the TF1 style.
/// </summary>
public sealed class Linear
{
    readonly Variable _kernel;
    readonly Variable? _bias;

    /// <summary>TF's rnn_cell_impl._Linear: a <c>kernel</c> of <c>[Σ depths, output_size]</c> (and a <c>bias</c>) for the concatenated <paramref name="args"/>, created in the current variable scope.</summary>
    public Linear(IReadOnlyList<Tensor> args, int output_size, bool build_bias, InitializerLike? bias_initializer = null, InitializerLike? kernel_initializer = null)
    {
        if (args.Count == 0) throw new ValueError("`args` must be specified");
        long total = 0;
        foreach (var a in args)
        {
            if (a.ndim != 2) throw new ValueError($"linear is expecting 2D arguments: {a.shape}");
            if (a.shape[1] < 0) throw new ValueError($"linear expects shape[1] to be provided for shape {a.shape}, but saw ?");
            total += a.shape[1];
        }
        var dtype = args[0].dtype;
        _kernel = tf.get_variable("kernel", new Shape(total, output_size), dtype, kernel_initializer);
        if (build_bias)
            using (tf.variable_scope("bias_scope", auxiliary_name_scope: false))
                _bias = tf.get_variable("bias", new Shape(output_size), dtype, bias_initializer ?? tf.constant_initializer(0.0));
    }

    /// <summary><c>concat(args, 1) · kernel + bias</c>.</summary>
    public Tensor Apply(IReadOnlyList<Tensor> args)
    {
        var joined = args.Count == 1 ? args[0] : tf.concat(args, 1);
        var result = tf.matmul(joined, _kernel);
        return _bias == null ? result : tf.nn.bias_add(result, _bias);
    }
}
