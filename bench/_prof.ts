import { run } from './extraction.bench';
run().then((r) => console.log(JSON.stringify(r)));
