Console.WriteLine("benchmark: not yet implemented");
