using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>TF's test cell: output = input + 1, state = state + 1 (TFX-16, TFX-17).</summary>
public sealed class PlusOneCell(int size = 5) : RNNCell("plus_one_cell")
{
    public override Nest<Shape> state_size => new Shape(size);
    public override int output_size => size;
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state) => (inputs + 1.0, state.Leaf + 1.0);
}

/// <summary>TF's identity-like LSTM test cell: output = input + 1, state = (c + 1, h + 1) (TFX-23).</summary>
public sealed class PlusOneTupleCell(int size) : RNNCell("plus_one_tuple_cell")
{
    public override Nest<Shape> state_size => Nest<Shape>.Tuple(new Shape(size), new Shape(size));
    public override int output_size => size;
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state) =>
        (inputs + 1.0, Nest<Tensor>.Tuple(state[0].Leaf + 1.0, state[1].Leaf + 1.0));
}

/// <summary>TF's scalar-state test cell: a step counter as the state, output = input (TFX-18).</summary>
public sealed class CounterCell() : RNNCell("counter_cell")
{
    public override Nest<Shape> state_size => new Shape();
    public override int output_size => 1;
    public override Nest<Tensor> zero_state(TensorLike batch_size, TF_DataType dtype) => tf.constant(0);
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state) => (inputs, state.Leaf + 1.0);
}

/// <summary>TF's unbalanced-output test cell: state is a step counter, output = (x, concat(x, x)) (TFX-18).</summary>
public sealed class UnbalancedOutputCell() : RNNCell("unbalanced_output_cell")
{
    public override Nest<Shape> state_size => new Shape();
    public override int output_size => 1;
    public override Nest<Tensor> zero_state(TensorLike batch_size, TF_DataType dtype) => tf.constant(0);
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state) =>
        throw new ValueError("UnbalancedOutputCell returns a tuple; use the nested call");
    protected override (Nest<Tensor> output, Nest<Tensor> state) CallNested(Nest<Tensor> inputs, Nest<Tensor> state) =>
        (Nest<Tensor>.Tuple(inputs.Leaf, tf.concat(new object[] { inputs.Leaf, inputs.Leaf }, 1)), state.Leaf + 1);
}

/// <summary>TF's nested-I/O test cell: inputs (x, y), output (x + 1, y + 1), state (h + 1, c + 1) (TFX-23).</summary>
public sealed class NestedPlusOneCell(int inputSize, int stateSize) : RNNCell("nested_plus_one_cell")
{
    public override Nest<Shape> state_size => Nest<Shape>.Tuple(new Shape(stateSize), new Shape(stateSize));
    public override int output_size => inputSize;
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state) =>
        throw new ValueError("NestedPlusOneCell takes a tuple of inputs");
    protected override (Nest<Tensor> output, Nest<Tensor> state) CallNested(Nest<Tensor> inputs, Nest<Tensor> state) =>
        (Nest<Tensor>.Tuple(inputs[0].Leaf + 1.0, inputs[1].Leaf + 1.0), Nest<Tensor>.Tuple(state[0].Leaf + 1.0, state[1].Leaf + 1.0));
}

/// <summary>
/// A state saver keeping each named state in a non-trainable variable (zeros at first), as TF's
/// state-saving tests and truncated BPTT use it; <see cref="saved"/> records what each save stored.
/// </summary>
public sealed class VariableStateSaver(int batchSize, IReadOnlyDictionary<string, int> sizes) : IStateSaver
{
    readonly Dictionary<string, Variable> _variables = new();
    public Dictionary<string, Tensor> saved { get; } = new();

    public Tensor state(string name) => Variable(name).value();

    public ITensorOrOperation save_state(string name, Tensor value)
    {
        saved[name] = value;
        return tf.assign(Variable(name), value);
    }

    Variable Variable(string name)
    {
        if (!_variables.TryGetValue(name, out var variable))
            _variables[name] = variable = tf.Variable(tf.zeros(new Shape(batchSize, sizes[name])), trainable: false, name: "saved_" + name);
        return variable;
    }
}
