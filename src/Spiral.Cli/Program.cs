using Spiral.Cli;

return SpiralApp.Run(args, Console.Out, Console.Error);
