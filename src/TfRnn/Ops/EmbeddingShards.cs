namespace TfRnn;

/// <summary>Joins a sharded embedding table into one table whose row i is id i, for TF's partition strategies.</summary>
internal static class EmbeddingShards
{
    public static Tensor Merge(Tensor[] shards, string strategy)
    {
        if (shards.Length == 1) return shards[0];
        var sizes = shards.Select(s => s.shape[0]).ToArray();
        if (sizes.Any(s => s < 0)) throw new ValueError("embedding_lookup needs shards with a known first dimension");
        var joined = tf.concat(shards, 0);
        if (strategy == "div") return joined;   // "div" shards are contiguous blocks in order
        // "mod": id i sits in shard i mod n at row i / n; joined row of id i = offset[i mod n] + i / n.
        long total = sizes.Sum();
        var offsets = new long[sizes.Length];
        for (int k = 1; k < sizes.Length; k++) offsets[k] = offsets[k - 1] + sizes[k - 1];
        var order = new long[total];
        for (long i = 0; i < total; i++) order[i] = offsets[i % sizes.Length] + i / sizes.Length;
        return OpBuilder.Single("Gather", "mod_order", new[] { joined }, joined.dtype, joined.shape, IndexingKernels.SelectRows(order));
    }
}
