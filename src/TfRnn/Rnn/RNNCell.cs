namespace TfRnn;

/// <summary>
/// TF1's RNNCell (a Layer): <see cref="call"/> maps (inputs, state) to (output, new_state). The first call
/// creates the cell's variables under the current variable scope in a sub-scope named after the cell
/// (<c>rnn/basic_lstm_cell/kernel</c>); later calls reuse them.
/// </summary>
public abstract class RNNCell
{
    VariableScope? _callerScope;   // TF's "rnncell_scope": the variable scope of the first call
    VariableScope? _layerScope;    // the cell's own sub-scope, e.g. rnn/basic_lstm_cell
    readonly List<Variable> _variables = new();
    readonly string _baseName;
    readonly ReuseFlag? _reuse;

    /// <summary>A cell named <paramref name="name"/> (default <paramref name="baseName"/>) computing in <paramref name="dtype"/> (inferred from the inputs when not given); ValueError for a non-float dtype.</summary>
    protected RNNCell(string baseName, ReuseFlag? reuse = null, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid)
    {
        _baseName = name ?? baseName;
        _reuse = reuse;
        if (dtype != TF_DataType.DtInvalid && !dtype.is_floating())
            throw new ValueError($"RNN cell only supports floating point inputs, but saw dtype: {dtype.as_numpy_name()}");
        this.dtype = dtype;
    }

    /// <summary>The size of the state per example: a shape leaf, an LSTMStateTuple of two, or a tuple of those.</summary>
    public abstract Nest<Shape> state_size { get; }
    /// <summary>The number of output units per example.</summary>
    public abstract int output_size { get; }
    /// <summary>The dtype the cell computes in; set by the first call when not given.</summary>
    public TF_DataType dtype { get; private set; }
    /// <summary>Whether the cell has created its variables (on its first call), as a Keras layer's <c>built</c>.</summary>
    public bool built { get; private set; }
    /// <summary>The cell's layer name: the scope it created its variables in (<c>basic_lstm_cell</c>, <c>basic_lstm_cell_1</c>, …).</summary>
    public string name => _layerScope?.name.Split('/')[^1] ?? _baseName;

    /// <summary>The variables this cell (and the cells inside it) created, in creation order.</summary>
    public virtual IReadOnlyList<Variable> variables => _variables;
    /// <summary>The trainable ones of <see cref="variables"/>.</summary>
    public IReadOnlyList<Variable> trainable_variables => variables.Where(v => v.trainable).ToList();
    /// <summary>The non-trainable ones of <see cref="variables"/>.</summary>
    public IReadOnlyList<Variable> non_trainable_variables => variables.Where(v => !v.trainable).ToList();
    /// <summary>Same as <see cref="variables"/> (the Keras spelling).</summary>
    public IReadOnlyList<Variable> weights => variables;

    /// <summary>
    /// Runs one step (TF's <c>cell(inputs, state)</c>): builds the variables on first use, then returns the
    /// output and the new state, nested like <see cref="state_size"/>.
    /// </summary>
    public (Tensor output, Nest<Tensor> state) call(Tensor inputs, Nest<Tensor> state, ScopeLike? scope = null)
    {
        var (output, next) = call((Nest<Tensor>)inputs, state, scope);
        return (output.IsLeaf ? output.Leaf
            : throw new ValueError($"{GetType().Name} returns a tuple of outputs; call it with call(Nest<Tensor> inputs, …) to get them all."), next);
    }

    /// <summary>One step of a cell whose inputs or outputs are tuples (TF's nested RNN I/O).</summary>
    public virtual (Nest<Tensor> output, Nest<Tensor> state) call(Nest<Tensor> inputs, Nest<Tensor> state, ScopeLike? scope = null)
    {
        CheckInputs(inputs.Flatten().First());
        if (scope is { IsNone: false } given)
        {
            using (given.Enter())
                return CallInLayerScope(inputs, state);
        }
        _callerScope ??= tf.get_variable_scope();
        using (tf.variable_scope(_callerScope))
            return CallInLayerScope(inputs, state);
    }

    (Nest<Tensor>, Nest<Tensor>) CallInLayerScope(Nest<Tensor> inputs, Nest<Tensor> state)
    {
        if (!built)
        {
            using (_layerScope = _reuse is { IsTruthy: true } ? tf.variable_scope(_baseName) : tf.variable_scope(null, _baseName))
            {
                Build(inputs.Flatten().First().shape[-1]);
                built = true;
                return CallNested(inputs, state);
            }
        }
        using (tf.variable_scope(_layerScope!, reuse: true, auxiliary_name_scope: false))
            return CallNested(inputs, state);
    }

    /// <summary>Creates the variables without running a step (the fused loops need only the weights).</summary>
    internal void EnsureBuilt(long inputDepth, TF_DataType inputType)
    {
        if (built) return;
        if (dtype == TF_DataType.DtInvalid) dtype = inputType;
        _callerScope ??= tf.get_variable_scope();
        using (tf.variable_scope(_callerScope))
        using (_layerScope = _reuse is { IsTruthy: true } ? tf.variable_scope(_baseName) : tf.variable_scope(null, _baseName))
        {
            Build(inputDepth);
            built = true;
        }
    }

    void CheckInputs(Tensor inputs)
    {
        if (!inputs.dtype.is_floating())
            throw new ValueError($"RNN cell only supports floating point inputs, but saw dtype: {inputs.dtype.as_numpy_name()}");
        if (dtype == TF_DataType.DtInvalid) dtype = inputs.dtype;
    }

    /// <summary>Creates the cell's variables for inputs of depth <paramref name="inputDepth"/> (-1 when unknown).</summary>
    protected virtual void Build(long inputDepth) { }

    /// <summary>The step itself, inside the cell's variable scope.</summary>
    protected abstract (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state);

    /// <summary>The step for tuple inputs or outputs; cells with nested I/O override this (single-tensor cells need not).</summary>
    protected virtual (Nest<Tensor> output, Nest<Tensor> state) CallNested(Nest<Tensor> inputs, Nest<Tensor> state)
    {
        if (!inputs.IsLeaf) throw new ValueError($"{GetType().Name} takes a single input tensor, not the tuple {inputs}");
        var (output, next) = Call(inputs.Leaf, state);
        return (output, next);
    }

    /// <summary>Creates a variable of this cell (get_variable inside the cell's scope).</summary>
    protected Variable AddVariable(string name, Shape shape, InitializerLike? initializer = null)
    {
        var v = tf.get_variable(name, shape, dtype, initializer);
        _variables.Add(v);
        return v;
    }

    /// <summary>The input depth a cell needs to build its kernel; ValueError with TF's text when it is unknown.</summary>
    protected static long RequireDepth(long inputDepth, string cellName)
    {
        if (inputDepth < 0) throw new ValueError($"Expected inputs.shape[-1] to be known, saw unknown depth in {cellName}");
        return inputDepth;
    }

    /// <summary>zero_state(batch_size, dtype): zeros shaped [batch_size] + each state_size leaf.</summary>
    public virtual Nest<Tensor> zero_state(TensorLike batch_size, TF_DataType dtype)
    {
        using var scope = tf.name_scope($"{GetType().Name}ZeroState");
        return state_size.Map(size => ZerosFor(batch_size.Value, size, dtype));
    }

    internal static Tensor ZerosFor(object batchSize, Shape size, TF_DataType dtype) => batchSize switch
    {
        int b => tf.zeros(new Shape(b).concatenate(size), dtype),
        long b => tf.zeros(new Shape(b).concatenate(size), dtype),
        Tensor b => tf.zeros(tf.concat(new object[] { tf.reshape(tf.cast(b, tf.int32), new[] { 1 }), tf.constant(size.as_int_list(), tf.int32) }, 0), dtype),
        _ => throw new TypeError($"batch_size must be an int or a scalar int tensor, got {batchSize}"),
    };
}
