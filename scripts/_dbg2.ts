import { extract } from '@app/extraction';
const text = process.argv[2];
console.log(JSON.stringify(extract({ body: text }), null, 1));
