import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './options';

/** For the TypeORM CLI (`npm run migration:run`): the same options the app uses. */
export default new DataSource(dataSourceOptions(loadConfig().database));
