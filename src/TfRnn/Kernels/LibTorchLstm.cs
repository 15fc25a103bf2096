using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch.autograd;

namespace TfRnn;

/// <summary>
/// A stack of plain float32 TF-layout LSTM layers (kernel <c>[depth + units, 4·units]</c>, gate columns i, j, f, o,
/// forget_bias added) run as libtorch's own multi-layer <c>nn.LSTM</c>, whose CPU kernel (oneDNN) is the fastest LSTM
/// the engine has: the TF weights are copied into its layout (gates i, f, g, o; weights transposed; forget_bias in
/// <c>bias_ih</c>, <c>bias_hh</c> zero) and its gradients mapped back. The backward pass asks libtorch for the
/// gradients of the graph its forward recorded (a nested autograd call, as activation checkpointing does).
/// </summary>
internal sealed class LibTorchLstm : MultiTensorFunction<LibTorchLstm>
{
    public override string Name => "FusedLstmStack";

    static int _liveRecordings;

    /// <summary>
    /// Modules between runs, per (depth, units, layers): building one initialises weights that are then overwritten
    /// (0.23 ms for MNIST's 1×128, 0.65 ms for char-rnn's 2×128, 13–19 ms for KorCharRnn's 3×512, every step). A module
    /// comes back here only when its run has ended, so no live graph reads its weights when the next run copies new
    /// ones in.
    /// </summary>
    static readonly ConcurrentDictionary<(long depth, int units, int layers), ConcurrentBag<TorchSharp.Modules.LSTM>> Idle = new();
    const int IdlePerShape = 2;   // a bidirectional layer holds two at once

    static TorchSharp.Modules.LSTM RentModule(long depth, int units, int layers)
    {
        if (Idle.TryGetValue((depth, units, layers), out var idle) && idle.TryTake(out var module)) return module;
        module = torch.nn.LSTM(depth, units, numLayers: layers);
        torch.CurrentDisposeScope?.Detach(module.parameters());   // the module outlives this run's dispose scope
        return module;
    }

    static void ReturnModule(TorchSharp.Modules.LSTM module, long depth, int units, int layers)
    {
        var idle = Idle.GetOrAdd((depth, units, layers), _ => new ConcurrentBag<TorchSharp.Modules.LSTM>());
        if (idle.Count < IdlePerShape) idle.Add(module);
        else module.Dispose();
    }

    /// <summary>Forward passes whose graph is not yet disposed and module not yet handed back (tests check a run leaves none).</summary>
    internal static int LiveRecordings => Volatile.Read(ref _liveRecordings);

    /// <summary>Whether the stack can run here: float32 on the CPU, every layer plain with one width, no sequence lengths.</summary>
    public static bool Supports(torch.Tensor x, LstmLayerSpec[] layers, bool hasLengths) =>
        !hasLengths && x.dtype == torch.ScalarType.Float32 && x.device_type == DeviceType.CPU && layers.Length > 0
        && layers.All(l => l.IsPlain && l.Units == layers[0].Units);

    /// <summary>
    /// Runs the stack over <paramref name="x"/> [time, batch, depth] from per-layer states; returns the last layer's
    /// outputs and each layer's final (c, h).
    /// </summary>
    public static (torch.Tensor outputs, (torch.Tensor c, torch.Tensor h)[] states) Run(torch.Tensor x, (torch.Tensor c, torch.Tensor h)[] states,
        (torch.Tensor kernel, torch.Tensor bias)[] weights, double[] forgetBiases, Action<IDisposable> disposeAfterRun)
    {
        var inputs = new List<object> { x };
        inputs.AddRange(states.Select(s => s.c));
        inputs.AddRange(states.Select(s => s.h));
        inputs.AddRange(weights.Select(w => w.kernel));
        inputs.AddRange(weights.Select(w => w.bias));
        inputs.Add(forgetBiases);
        // The run disposes each run's module and recorded graph: modules are in no dispose scope, and their finalizers
        // would free the native memory only when the GC next runs (char-rnn's process grew 4 MB a step).
        inputs.Add(new RunEnd(disposeAfterRun));
        bool record = torch.is_grad_enabled() && inputs.OfType<torch.Tensor>().Any(t => t.requires_grad);
        List<torch.Tensor> results;
        if (record) results = apply(inputs.ToArray());
        else
        {
            using var noGrad = torch.no_grad();
            using var recorded = Forward(x, states, weights, forgetBiases, keepGraph: false);
            results = recorded.Results;   // detached: they outlive the module
        }
        return (results[0], Enumerable.Range(0, states.Length).Select(l => (results[1 + 2 * l], results[2 + 2 * l])).ToArray());
    }

    public override List<torch.Tensor> forward(AutogradContext ctx, params object[] vars)
    {
        int layers = (vars.Length - 3) / 4;
        var x = (torch.Tensor)vars[0];
        var states = Enumerable.Range(0, layers).Select(l => ((torch.Tensor)vars[1 + l], (torch.Tensor)vars[1 + layers + l])).ToArray();
        var weights = Enumerable.Range(0, layers).Select(l => ((torch.Tensor)vars[1 + 2 * layers + l], (torch.Tensor)vars[1 + 3 * layers + l])).ToArray();
        var recorded = Forward(x, states, weights, (double[])vars[^2], keepGraph: true);
        ((RunEnd)vars[^1]).DisposeAfterRun(recorded);
        ctx.save_data("recorded", recorded);
        return recorded.Results;
    }

    public override List<torch.Tensor> backward(AutogradContext ctx, List<torch.Tensor> grads)
    {
        var recorded = (Recorded)ctx.get_data("recorded");
        int layers = recorded.Layers;
        var dh = torch.stack(Enumerable.Range(0, layers).Select(l => grads[2 + 2 * l]).ToArray());
        var dc = torch.stack(Enumerable.Range(0, layers).Select(l => grads[1 + 2 * l]).ToArray());
        // Every tensor asked for requires grad (libtorch aborts the process otherwise): the input only when it needs one.
        var wrt = new List<torch.Tensor> { recorded.H0, recorded.C0 };
        wrt.AddRange(recorded.Parameters);
        if (recorded.InputNeedsGrad) wrt.Add(recorded.X);
        // retain_graph: a graph the engine differentiates twice (two gradient sets in one run) comes back here twice.
        var g = torch.autograd.grad(new[] { recorded.Outputs, recorded.HN, recorded.CN }, wrt, new[] { grads[0], dh, dc },
            retain_graph: true, allow_unused: true);
        var result = new List<torch.Tensor> { recorded.InputNeedsGrad ? g[^1] : null! };
        result.AddRange(Enumerable.Range(0, layers).Select(l => g[1][l]));   // dc per layer
        result.AddRange(Enumerable.Range(0, layers).Select(l => g[0][l]));   // dh per layer
        var tfGradients = Enumerable.Range(0, layers).Select(l => LstmWeightLayout.FromLibTorch(g[2 + 4 * l], g[3 + 4 * l], g[4 + 4 * l])).ToArray();
        result.AddRange(tfGradients.Select(t => t.kernel));
        result.AddRange(tfGradients.Select(t => t.bias));
        result.Add(null!);   // the forget biases
        result.Add(null!);   // the run's disposal
        return result;
    }

    /// <summary>How the run that applies the op disposes what it recorded when it ends.</summary>
    sealed record RunEnd(Action<IDisposable> DisposeAfterRun);

    /// <summary>What the backward pass needs: the recorded graph's leaves and results, and the module that owns the weights.</summary>
    sealed record Recorded(TorchSharp.Modules.LSTM Module, torch.Tensor X, torch.Tensor H0, torch.Tensor C0, torch.Tensor[] Parameters,
        torch.Tensor Outputs, torch.Tensor HN, torch.Tensor CN, bool InputNeedsGrad, int Layers, int Units, List<torch.Tensor> Results) : IDisposable
    {
        /// <summary>Frees the recorded graph (not <see cref="Results"/>, which the run keeps) and hands the module back.</summary>
        public void Dispose()
        {
            Interlocked.Decrement(ref _liveRecordings);
            ReturnModule(Module, X.shape[2], Units, Layers);
            foreach (var tensor in new[] { X, H0, C0, Outputs, HN, CN }) tensor.Dispose();
        }
    }

    static Recorded Forward(torch.Tensor x, (torch.Tensor c, torch.Tensor h)[] states, (torch.Tensor kernel, torch.Tensor bias)[] weights,
        double[] forgetBiases, bool keepGraph)
    {
        int layers = states.Length, units = (int)states[0].c.shape[1];
        long depth = x.shape[2];
        // A module per run: its parameters are this run's weights until its backward pass has read them.
        var lstm = RentModule(depth, units, layers);
        try
        {
            var parameters = new torch.Tensor[4 * layers];
            for (int l = 0; l < layers; l++)
            {
                for (int k = 0; k < 4; k++) parameters[4 * l + k] = lstm.get_parameter(ParameterNames[k] + l)!;
                // Written in place through raw memory, so no version counter moves: a module is rented to one run at a
                // time and comes back only after its recorded graph is disposed, so no live graph has saved these values.
                using var kernel = weights[l].kernel.contiguous();
                using var bias = weights[l].bias.contiguous();
                LstmWeightLayout.ToLibTorch(kernel, bias, forgetBiases[l],
                    parameters[4 * l], parameters[4 * l + 1], parameters[4 * l + 2], parameters[4 * l + 3]);
            }
            bool inputNeedsGrad = keepGraph && x.requires_grad;
            using var grad = torch.set_grad_enabled(keepGraph);
            // nn.LSTM runs a strided input (static_rnn's transposed batch) twice as slowly.
            var xs = x.detach().contiguous().requires_grad_(inputNeedsGrad);
            var h0 = torch.stack(states.Select(s => s.h).ToArray()).detach().requires_grad_(keepGraph);
            var c0 = torch.stack(states.Select(s => s.c).ToArray()).detach().requires_grad_(keepGraph);
            var (outputs, hN, cN) = lstm.call(xs, (h0, c0));
            var results = new List<torch.Tensor> { outputs.detach() };
            for (int l = 0; l < layers; l++)
            {
                results.Add(cN[l].detach());
                results.Add(hN[l].detach());
            }
            Interlocked.Increment(ref _liveRecordings);
            return new Recorded(lstm, xs, h0, c0, parameters, outputs, hN, cN, inputNeedsGrad, layers, units, results);
        }
        catch
        {
            ReturnModule(lstm, depth, units, layers);   // the next run copies its own weights in
            throw;
        }
    }

    /// <summary>A layer's parameters in the order <see cref="Recorded.Parameters"/> keeps them; the layer's index follows.</summary>
    static readonly string[] ParameterNames = { "weight_ih_l", "weight_hh_l", "bias_ih_l", "bias_hh_l" };
}
