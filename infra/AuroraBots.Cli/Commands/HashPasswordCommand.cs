using AuroraBots.Platform.Security;
using System.Text;

namespace AuroraBots.Cli.Commands;

/// <summary>
/// <c>aurorabots hash-password</c>: reads a password (hidden when typed, or piped on standard input) and prints the
/// hash to put into <c>Editor:Users:N:PasswordHash</c>. The password never appears on the command line or in history.
/// </summary>
public static class HashPasswordCommand
{
    private const int MinimumLength = 12;

    public static int Run()
    {
        var password = Console.IsInputRedirected ? Console.In.ReadLine() ?? "" : ReadHidden();
        if (password.Length < MinimumLength)
        {
            Console.Error.WriteLine($"hash-password: the password needs at least {MinimumLength} characters.");
            return 1;
        }
        Console.WriteLine(PasswordHashes.Hash(password));
        return 0;
    }

    private static string ReadHidden()
    {
        Console.Error.Write("Password: ");
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
