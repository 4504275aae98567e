export * from './money';
export * from './scenes';
export * from './categories';
export * from './gift-eligibility';
export * from './compliance';
export * from './api';
export * from './state-machine';
export * from './orders';
