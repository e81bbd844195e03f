// One cold start in a fresh Node process: import the bundle, build the first signed request, print the time.
const start = performance.now();
const { firstSignedRequest } = await import(process.argv[2]);
const authorization = await firstSignedRequest({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" });
const ms = performance.now() - start;
if (!authorization?.startsWith("AWS4-HMAC-SHA256")) throw new Error(`no signed request was built: ${authorization}`);
process.stdout.write(JSON.stringify({ ms }));
