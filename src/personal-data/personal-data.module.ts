import { DynamicModule, Global, Module } from '@nestjs/common';
import { PersonalDataCipher } from './personal-data-cipher';
import { PersonalDataReader } from './personal-data-reader';

@Global()
@Module({})
export class PersonalDataModule {
  static forRoot(key: Buffer): DynamicModule {
    return {
      module: PersonalDataModule,
      providers: [{ provide: PersonalDataCipher, useValue: new PersonalDataCipher(key) }, PersonalDataReader],
      exports: [PersonalDataCipher, PersonalDataReader],
    };
  }
}
