namespace TfRnn;

/// <summary>Flattens a fetch into leaf tensors/ops and rebuilds the same structure from their values.</summary>
internal abstract class FetchStructure
{
    public abstract object? Build(NDArray?[] values, ref int next);

    public static FetchStructure Flatten(object fetch, Graph graph, List<ITensorOrOperation> leaves)
    {
        switch (fetch)
        {
            case string name:
                return Flatten(graph.ResolveName(name), graph, leaves);
            case Variable variable:
                return Flatten(variable.value(), graph, leaves);
            case Tensor or Operation:
                var leaf = (ITensorOrOperation)fetch;
                if (!ReferenceEquals(leaf.graph, graph))
                    throw new ValueError($"Fetch argument {leaf} cannot be interpreted as a Tensor. ({leaf.name} is not an element of this graph.)");
                leaves.Add(leaf);
                return Leaf.Instance;
            case Nest<Tensor> nest:
                int start = leaves.Count;
                foreach (var t in nest.Flatten()) Flatten(t, graph, leaves);
                return new NestFetch(nest, leaves.Count - start);
            case System.Collections.IDictionary dictionary:
                return DictionaryFetch.Flatten(dictionary, graph, leaves);
            case System.Collections.IEnumerable list:
                return new ListFetch(list.Cast<object>().Select(item => Flatten(item, graph, leaves)).ToArray());
            default:
                throw new TypeError($"Fetch argument {fetch} has invalid type {fetch.GetType().Name}, must be a string, Tensor, Operation, Variable or a nest of Tensors.");
        }
    }

    sealed class Leaf : FetchStructure
    {
        public static readonly Leaf Instance = new();
        public override object? Build(NDArray?[] values, ref int next) => values[next++];
    }

    sealed class NestFetch(Nest<Tensor> nest, int count) : FetchStructure
    {
        public override object? Build(NDArray?[] values, ref int next)
        {
            var slice = values.Skip(next).Take(count).Select(v => v!);
            next += count;
            return nest.Pack(slice.GetEnumerator());
        }
    }

    /// <summary>TF's dict fetch: the same keys, each value rebuilt from its own fetch structure.</summary>
    sealed class DictionaryFetch(string[] keys, FetchStructure[] items) : FetchStructure
    {
        public static DictionaryFetch Flatten(System.Collections.IDictionary dictionary, Graph graph, List<ITensorOrOperation> leaves)
        {
            var keys = new List<string>();
            var items = new List<FetchStructure>();
            var entry = dictionary.GetEnumerator();
            while (entry.MoveNext())
            {
                keys.Add(entry.Key as string ?? throw new TypeError($"Fetch dictionary keys must be strings, got {entry.Key} of type {entry.Key.GetType().Name}."));
                items.Add(FetchStructure.Flatten(entry.Value ?? throw new TypeError($"Fetch argument None for key '{entry.Key}' has invalid type."), graph, leaves));
            }
            return new DictionaryFetch(keys.ToArray(), items.ToArray());
        }

        public override object? Build(NDArray?[] values, ref int next)
        {
            var result = new Dictionary<string, object?>(keys.Length);
            for (int i = 0; i < keys.Length; i++) result[keys[i]] = items[i].Build(values, ref next);
            return result;
        }
    }

    sealed class ListFetch(FetchStructure[] items) : FetchStructure
    {
        public override object? Build(NDArray?[] values, ref int next)
        {
            var result = new object?[items.Length];
            for (int i = 0; i < items.Length; i++) result[i] = items[i].Build(values, ref next);
            return result;
        }
    }
}

/// <summary>Pairs feed keys with values, nests included (a state nest is fed with a same-shaped value nest).</summary>
internal static class FeedStructure
{
    public static void Flatten(object key, object value, Graph graph, List<Tensor> tensors, List<object> values)
    {
        switch (key)
        {
            case Tensor tensor:
                if (!ReferenceEquals(tensor.graph, graph))
                    throw new ValueError($"Cannot interpret feed_dict key as Tensor: Tensor {tensor.name} is not an element of this graph.");
                tensors.Add(tensor);
                values.Add(value);
                return;
            case Variable variable:
                Flatten(variable.op.outputs[0], value, graph, tensors, values);
                return;
            case string name:
                Flatten(graph.get_tensor_by_name(name), value, graph, tensors, values);
                return;
            case Nest<Tensor> nest when nest.IsLeaf:
                Flatten(nest.Leaf, value is Nest<NDArray> { IsLeaf: true } leafValue ? leafValue.Leaf : value, graph, tensors, values);
                return;
            case Nest<Tensor> nest:
                if (value is not Nest<NDArray> valueNest || !nest.SameStructure(valueNest))
                    throw new ValueError($"The feed value for the structure {nest} must be a structure of the same nesting (fetch it with sess.run and feed it back).");
                foreach (var (t, item) in nest.Flatten().Zip(valueNest.Flatten()))
                    Flatten(t, item, graph, tensors, values);
                return;
            default:
                throw new TypeError($"Cannot interpret feed_dict key {key} of type {key.GetType().Name} as a Tensor.");
        }
    }
}
