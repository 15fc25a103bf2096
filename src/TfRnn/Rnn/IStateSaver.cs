namespace TfRnn;

/// <summary>
/// TF's state-saver protocol for time-truncated RNNs: <see cref="state"/> gives the state a segment starts
/// from, <see cref="save_state"/> stores the state it ends with (run before the segment's last output).
/// </summary>
public interface IStateSaver
{
    /// <summary>The saved state named <paramref name="name"/>, [batch, …].</summary>
    Tensor state(string name);

    /// <summary>An op (or tensor) that stores <paramref name="value"/> under <paramref name="name"/>.</summary>
    ITensorOrOperation save_state(string name, Tensor value);
}
