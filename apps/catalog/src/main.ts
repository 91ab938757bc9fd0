import { runService } from '@app/platform';
import { createCatalogApp } from './catalog.app';

runService(() => createCatalogApp(process.env));
